import { Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { NotFound } from '../../platform/errors/domain-errors.js';
import { isUuid } from '../../platform/http/input.js';
import { CurrentPrincipal, Roles } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import type { SuppressionView } from './suppression.row.js';
import { SuppressionsService } from './suppressions.service.js';

@ApiTags('personal-data')
@ApiBearerAuth()
@Controller('suppressions')
@Roles('admin')
export class SuppressionsController {
  constructor(private readonly suppressions: SuppressionsService) {}

  /** The suppressions of erased people (ids, kinds, dates; never the data), newest first: admins. */
  @Get()
  list(): Promise<{ items: SuppressionView[] }> {
    return this.suppressions.list();
  }

  /** Lifts a suppression, so a contact or lead with that e-mail or phone may be created again: admins. */
  @Delete(':id')
  lift(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<SuppressionView> {
    if (!isUuid(id)) throw new NotFound(`suppression ${id} not found`);
    return this.suppressions.lift(principal, id);
  }
}

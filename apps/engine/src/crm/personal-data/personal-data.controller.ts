import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { NotFound } from '../../platform/errors/domain-errors.js';
import { isUuid } from '../../platform/http/input.js';
import { CurrentPrincipal, Roles } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { PersonalDataService, type ErasureReport, type PersonalDataExport } from './personal-data.service.js';

function contactId(id: string): string {
  if (!isUuid(id)) throw new NotFound(`contact ${id} not found`);
  return id;
}

@ApiTags('personal-data')
@ApiBearerAuth()
@Controller('contacts')
export class PersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  /** Everything held about the person that the caller may see: the contact, its history, activities, leads and opportunities naming it, e-mails to them, process instances holding their data. */
  @Get(':id/export')
  export(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<PersonalDataExport> {
    return this.personalData.export(principal, contactId(id));
  }

  /** Erases the person's data everywhere it was copied, keeping the statistics, and suppresses their e-mail and phone: admins. */
  @Post(':id/erase')
  @HttpCode(200)
  @Roles('admin')
  erase(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<ErasureReport> {
    return this.personalData.erase(principal, contactId(id));
  }
}

// GET /search?q=: organizations, contacts, leads and opportunities by name, e-mail or phone, as the
// caller may see them — partial, case- and accent-insensitive, phone numbers compared normalised.
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { contactType, leadType, opportunityType, organizationType } from '@stageflow/api-contract';
import { ENGINE_CONFIG, type EngineConfig } from '../../platform/config/engine-config.js';
import { Invalid } from '../../platform/errors/domain-errors.js';
import { CurrentPrincipal } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import type { JsonObject } from '../../platform/http/input.js';
import { titleOf } from '../records/record-columns.js';
import { phoneKey, searchable } from '../records/record-keys.js';
import { teamsOf } from '../records/record-visibility.js';
import { UsersRepository } from '../../platform/identity/users/users.repository.js';
import { RecordsRepository } from '../records/records.repository.js';

const SEARCHED = [organizationType, contactType, leadType, opportunityType];
const PER_TYPE = 10;

export interface SearchHit {
  type: string;
  id: string;
  title: string;
  emails: string[];
  phones: string[];
}

@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(
    private readonly records: RecordsRepository,
    private readonly users: UsersRepository,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  @Get()
  async search(@CurrentPrincipal() principal: Principal, @Query() query: JsonObject): Promise<{ items: SearchHit[] }> {
    for (const key of Object.keys(query)) if (key !== 'q') throw Invalid.field(key, 'is not a parameter of the search');
    const raw = typeof query.q === 'string' ? query.q : '';
    const text = searchable(raw);
    if (text.length < 2) throw Invalid.field('q', 'must have at least 2 characters');
    // Something that looks like a phone number is also compared as one.
    const digits = raw.replace(/\D/g, '');
    const phone = digits.length >= 6 && /^[+\d\s().-]+$/.test(raw.trim()) ? phoneKey(raw, this.config.phoneRegion) : undefined;
    const teams = await teamsOf(this.users, principal);
    const hits = await this.records.searchHits(SEARCHED, principal, text, phone, PER_TYPE, undefined, teams);
    return {
      items: hits.map((hit) => {
        const type = SEARCHED[hit.type_index]!;
        return {
          type: type.name,
          id: hit.id,
          title: titleOf(type, Object.fromEntries(type.title.map((name, index) => [name, hit.title_parts[index]]))),
          emails: hit.emails ?? [],
          phones: hit.phones ?? [],
        };
      }),
    };
  }
}

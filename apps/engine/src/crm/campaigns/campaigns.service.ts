// Marketing campaigns: everyone reads them (leads name the campaign they came from), administrators
// and managers plan them. The channel is a value of the lead-channels catalog; a budget needs its
// currency; a campaign ends on or after the day it starts.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Conflict, Invalid, NotFound } from '../../platform/errors/domain-errors.js';
import { isUuid, parsePaging, queryString, type JsonObject, type Page } from '../../platform/http/input.js';
import { CatalogValuesRepository } from '../catalogs/catalog-values.repository.js';
import { BodyReader } from '../records/body-input.js';
import { CampaignsRepository, hasLeads, type CampaignContent } from './campaigns.repository.js';
import { toCampaignView, type CampaignRow, type CampaignView } from './campaigns.row.js';

const FIELDS = ['name', 'channel', 'description', 'budget', 'currency', 'startsOn', 'endsOn'] as const;
const CHANNELS = 'lead-channels';

@Injectable()
export class CampaignsService {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly catalogs: CatalogValuesRepository,
  ) {}

  async list(query: JsonObject): Promise<Page<CampaignView>> {
    for (const key of Object.keys(query))
      if (!['channel', 'q', 'runningOn', 'offset', 'limit', 'page', 'pageSize'].includes(key)) throw Invalid.field(key, 'is not a filter of campaigns');
    const runningOn = queryString(query, 'runningOn');
    if (runningOn !== undefined) {
      const check = new BodyReader({ runningOn }, ['runningOn']);
      check.date('runningOn');
      check.done();
    }
    const paging = parsePaging(query);
    const { rows, total } = await this.campaigns.list(
      { channel: queryString(query, 'channel'), q: queryString(query, 'q')?.trim() || undefined, runningOn },
      paging,
    );
    return { items: rows.map(toCampaignView), total, offset: paging.offset, limit: paging.limit };
  }

  async get(id: string): Promise<CampaignView> {
    const row = isUuid(id) ? await this.campaigns.find(id) : undefined;
    if (!row) throw new NotFound(`campaign ${id} not found`);
    return toCampaignView(row);
  }

  async create(body: unknown): Promise<CampaignView> {
    const content = await this.read(body, undefined);
    return toCampaignView(await this.campaigns.insert(randomUUID(), content as CampaignContent));
  }

  async update(id: string, body: unknown): Promise<CampaignView> {
    const current = isUuid(id) ? await this.campaigns.find(id) : undefined;
    if (!current) throw new NotFound(`campaign ${id} not found`);
    const change = await this.read(body, current);
    return toCampaignView((await this.campaigns.update(id, change))!);
  }

  async delete(id: string): Promise<void> {
    if (!isUuid(id)) throw new NotFound(`campaign ${id} not found`);
    try {
      if (!(await this.campaigns.delete(id))) throw new NotFound(`campaign ${id} not found`);
    } catch (error) {
      // Its leads keep counting for it: a campaign that brought leads is history, not a draft.
      if (hasLeads(error)) throw new Conflict(`campaign ${id} has leads (their campaignId names it): it cannot be deleted`, [{ id }]);
      throw error;
    }
  }

  /** The body's fields, checked alone and together with what `current` keeps (create: nothing). */
  private async read(body: unknown, current: CampaignRow | undefined): Promise<Partial<CampaignContent>> {
    const create = current === undefined;
    const input = new BodyReader(body, FIELDS, create ? 0 : 1);
    const content: Partial<CampaignContent> = {
      name: input.text('name', 200, { required: create }) ?? undefined,
      channel: input.text('channel', 100, { required: create }) ?? undefined,
      description: input.text('description', 2000, { nullable: true }),
      budget: input.decimal('budget', 0, { nullable: true }),
      currency: input.currency('currency', { nullable: true }),
      starts_on: input.date('startsOn', { nullable: true }),
      ends_on: input.date('endsOn', { nullable: true }),
    };
    if (content.channel !== undefined) {
      const value = await this.catalogs.find(CHANNELS, content.channel);
      if (!value) input.refuse('channel', `must be a value of the catalog ${CHANNELS}`);
      else if (value.retired) input.refuse('channel', `${content.channel} is retired in the catalog ${CHANNELS}`);
    }
    const after = { ...current, ...Object.fromEntries(Object.entries(content).filter(([, value]) => value !== undefined)) };
    if (after.budget !== null && after.budget !== undefined && !after.currency) input.refuse('currency', 'is required with a budget');
    if (after.starts_on && after.ends_on && after.ends_on < after.starts_on) input.refuse('endsOn', 'must not be before startsOn');
    input.done();
    return Object.fromEntries(Object.entries(content).filter(([, value]) => value !== undefined));
  }
}

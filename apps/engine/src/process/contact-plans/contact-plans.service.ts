import { Injectable } from '@nestjs/common';
import type { ContactPlanDetailView, ContactPlanView } from '@stageflow/api-contract';
import { NotFound } from '../../platform/errors/domain-errors.js';
import type { Page, Paging } from '../../platform/http/input.js';
import type { VersionFilter } from '../deployments/version-page.js';
import { contactPlanViewOf } from './contact-plan.row.js';
import { ContactPlansRepository } from './contact-plans.repository.js';

/** Deployed contact plans (stored by DeploymentsService): listed and read. */
@Injectable()
export class ContactPlansService {
  constructor(private readonly plans: ContactPlansRepository) {}

  async list(filter: VersionFilter, paging: Paging): Promise<Page<ContactPlanView>> {
    const { rows, total } = await this.plans.page(filter, paging);
    return { items: rows.map(contactPlanViewOf), total, offset: paging.offset, limit: paging.limit };
  }

  async get(id: string): Promise<ContactPlanDetailView> {
    const row = await this.plans.detail(id);
    if (!row) throw new NotFound(`contact plan ${id} not found`);
    return { ...contactPlanViewOf(row), content: row.content as unknown as Record<string, unknown> };
  }
}

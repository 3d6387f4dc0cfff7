// GET /action-templates, /contact-plans (latest per key, and one version), POST /templates/preview.
import type {
  ActionTemplateDetailView,
  ActionTemplateSummaryView,
  ContactPlanDetailView,
  ContactPlanView,
  Page,
  TemplatePreviewRequest,
  TemplatePreviewView,
} from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';

export const plansKeys = {
  all: ['plans'] as const,
  templates: () => [...plansKeys.all, 'action-templates'] as const,
  template: (id: string) => [...plansKeys.all, 'action-template', id] as const,
  plans: () => [...plansKeys.all, 'contact-plans'] as const,
  plan: (id: string) => [...plansKeys.all, 'contact-plan', id] as const,
};

export const actionTemplatesQuery = queryOptions({
  queryKey: plansKeys.templates(),
  queryFn: () => apiFetch<Page<ActionTemplateSummaryView>>('/action-templates?latest=true&limit=500'),
});

export const actionTemplateQuery = (id: string) =>
  queryOptions({ queryKey: plansKeys.template(id), queryFn: () => apiFetch<ActionTemplateDetailView>(`/action-templates/${encodeURIComponent(id)}`) });

export const contactPlansQuery = queryOptions({
  queryKey: plansKeys.plans(),
  queryFn: () => apiFetch<Page<ContactPlanView>>('/contact-plans?latest=true&limit=500'),
});

export const contactPlanQuery = (id: string) =>
  queryOptions({ queryKey: plansKeys.plan(id), queryFn: () => apiFetch<ContactPlanDetailView>(`/contact-plans/${encodeURIComponent(id)}`) });

/** The engine renders the liquid on the sample data; the browser never does. */
export function preview(request: TemplatePreviewRequest): Promise<TemplatePreviewView> {
  return apiFetch<TemplatePreviewView>('/templates/preview', { json: request });
}

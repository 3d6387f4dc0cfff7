// The quick-add dialog's form, loaded with its first opening (out of the first screen): a lead or an
// opportunity, the engine's 400 under the field it names, then a link to the new record.
import { Alert, Anchor, Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../app/api/api-error';
import { ErrorAlert } from '../../app/ui/error-alert';
import { catalogQuery } from '../records/api/catalog.query';
import { recordHref } from '../records/record-kinds';
import { useQuickAdd, type QuickAddKind } from './api/quick-add.api';
import { fieldOfPath, leadBody, opportunityBody, type LeadDraft, type OpportunityDraft } from './quick-add-body';

function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  const errors: Record<string, string> = {};
  for (const detail of error.details) {
    const field = fieldOfPath(detail.path);
    if (field !== undefined) errors[field] ??= detail.message;
  }
  return errors;
}

export function QuickAddForm({ kind, onClose }: { kind: QuickAddKind; onClose: () => void }) {
  const { t } = useTranslation('workspaceQuickAdd');
  const create = useQuickAdd();
  const channels = useQuery({ ...catalogQuery('lead-channels'), enabled: kind === 'lead' });
  const [lead, setLeadDraft] = useState<LeadDraft>({ title: '', channel: '', contactName: '', email: '', phone: '' });
  const [deal, setDealDraft] = useState<OpportunityDraft>({ name: '', value: '', currency: 'EUR', expectedDecisionDate: '' });
  // An edit after a refusal clears the engine's errors: they were about the values sent then.
  const setLead = (draft: LeadDraft) => {
    if (create.isError) create.reset();
    setLeadDraft(draft);
  };
  const setDeal = (draft: OpportunityDraft) => {
    if (create.isError) create.reset();
    setDealDraft(draft);
  };
  const errors = fieldErrors(create.error);

  if (create.isSuccess) {
    return (
      <Stack gap="sm">
        <Alert color="green" title={t('created')}>
          {t(`${kind}.started`)}
        </Alert>
        <Group>
          <Anchor component={Link} to={recordHref(kind, create.data.id)} onClick={onClose}>
            {t('openRecord', { title: String(create.data.title ?? create.data.name ?? '') })}
          </Anchor>
          <Button variant="default" onClick={onClose}>
            {t('close')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ kind, body: kind === 'lead' ? leadBody(lead) : opportunityBody(deal) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {kind === 'lead' ? (
          <>
            <TextInput
              data-autofocus
              required
              label={t('lead.titleField')}
              value={lead.title}
              onChange={(e) => setLead({ ...lead, title: e.currentTarget.value })}
              error={errors.title}
            />
            <Select
              required
              label={t('lead.channel')}
              data={(channels.data?.items ?? []).filter((value) => !value.retired).map((value) => ({ value: value.key, label: value.label }))}
              value={lead.channel === '' ? null : lead.channel}
              onChange={(channel) => setLead({ ...lead, channel: channel ?? '' })}
              placeholder={channels.isPending ? t('loading') : t('lead.pickChannel')}
              error={errors.channel ?? (channels.isError ? t('lead.channelsFailed') : undefined)}
            />
            <TextInput
              label={t('lead.contactName')}
              value={lead.contactName}
              onChange={(e) => setLead({ ...lead, contactName: e.currentTarget.value })}
              error={errors.contactName}
            />
            <TextInput
              type="email"
              label={t('lead.email')}
              value={lead.email}
              onChange={(e) => setLead({ ...lead, email: e.currentTarget.value })}
              error={errors.email}
            />
            <TextInput
              type="tel"
              label={t('lead.phone')}
              value={lead.phone}
              onChange={(e) => setLead({ ...lead, phone: e.currentTarget.value })}
              error={errors.phone}
            />
          </>
        ) : (
          <>
            <TextInput
              data-autofocus
              required
              label={t('opportunity.name')}
              value={deal.name}
              onChange={(e) => setDeal({ ...deal, name: e.currentTarget.value })}
              error={errors.name}
            />
            <Group grow align="flex-start">
              <NumberInput
                label={t('opportunity.value')}
                min={0}
                value={deal.value}
                onChange={(value) => setDeal({ ...deal, value: String(value) })}
                error={errors.value}
              />
              <TextInput
                label={t('opportunity.currency')}
                value={deal.currency}
                maxLength={3}
                onChange={(e) => setDeal({ ...deal, currency: e.currentTarget.value.toUpperCase() })}
                error={errors.currency}
              />
            </Group>
            <TextInput
              type="date"
              label={t('opportunity.expectedDecisionDate')}
              value={deal.expectedDecisionDate}
              onChange={(e) => setDeal({ ...deal, expectedDecisionDate: e.currentTarget.value })}
              error={errors.expectedDecisionDate}
            />
          </>
        )}
        {create.isError && <ErrorAlert error={create.error} title={t('refused')} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// The related records: those this record names (its organization, contact, lead, parent), the
// people with roles, and the leads and opportunities that name it — each a link to its page.
import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import type { RecordView } from '@stageflow/api-contract';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney } from '../../../app/format';
import { ApiError } from '../../../app/api/api-error';
import { recordQuery } from '../api/record.query';
import {
  contactRolesQuery,
  opportunityContactsQuery,
  organizationContactsQuery,
  productLinesQuery,
  referringQuery,
  type RelatedPerson,
} from '../api/related.queries';
import { recordHref, recordTitle, type WorkspaceRecordType } from '../record-kinds';

const REFERENCES: { field: string; type: WorkspaceRecordType }[] = [
  { field: 'parentId', type: 'organization' },
  { field: 'organizationId', type: 'organization' },
  { field: 'contactId', type: 'contact' },
  { field: 'leadId', type: 'lead' },
];

/** Who names a record of each type, by which field. */
const REFERRING: Record<WorkspaceRecordType, { type: WorkspaceRecordType; field: string }[]> = {
  organization: [
    { type: 'lead', field: 'organizationId' },
    { type: 'opportunity', field: 'organizationId' },
  ],
  contact: [
    { type: 'lead', field: 'contactId' },
    { type: 'opportunity', field: 'contactId' },
  ],
  lead: [{ type: 'opportunity', field: 'leadId' }],
  opportunity: [],
};

export function RelatedRecordsCard({ type, record }: { type: WorkspaceRecordType; record: RecordView }) {
  const { t } = useTranslation('records');
  const references = REFERENCES.filter(({ field }) => typeof record[field] === 'string');
  return (
    <Card withBorder component="section" aria-labelledby="record-related-title">
      <Title order={2} size="h4" id="record-related-title" mb="sm">
        {t('sections.related')}
      </Title>
      <Stack gap="sm">
        {references.map(({ field, type: referenced }) => (
          <div key={field}>
            <Text size="sm" c="gray.7">
              {t(`fields.${field}`)}
            </Text>
            <ReferencedRecord type={referenced} id={String(record[field])} />
          </div>
        ))}
        {type === 'organization' && <OrganizationPeople id={record.id} />}
        {type === 'opportunity' && <DealPeople id={record.id} />}
        {type === 'contact' && <ContactRoles id={record.id} />}
        {type === 'opportunity' && <ProductLinesList id={record.id} />}
        {REFERRING[type].map((referring) => (
          <Referring key={`${referring.type}-${referring.field}`} type={referring.type} field={referring.field} owner={{ type, id: record.id }} />
        ))}
      </Stack>
    </Card>
  );
}

function ReferencedRecord({ type, id }: { type: WorkspaceRecordType; id: string }) {
  const { t } = useTranslation('records');
  const referenced = useQuery(recordQuery(type, id));
  if (referenced.isError)
    return (
      <Text size="sm">{referenced.error instanceof ApiError && referenced.error.status === 404 ? t('related.notVisible') : t('related.unavailable')}</Text>
    );
  return (
    <Anchor component={Link} to={recordHref(type, id)}>
      {referenced.data ? recordTitle(type, referenced.data) || t('related.untitled') : t('related.loading')}
    </Anchor>
  );
}

function Section({ title, children, empty }: { title: string; children: React.ReactNode[]; empty: string }) {
  return (
    <div>
      <Title order={3} size="h5" mb={4}>
        {title}
      </Title>
      {children.length === 0 ? (
        <Text size="sm" c="gray.7">
          {empty}
        </Text>
      ) : (
        <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {children}
        </Stack>
      )}
    </div>
  );
}

function OrganizationPeople({ id }: { id: string }) {
  const { t } = useTranslation('records');
  return <People title={t('related.people')} people={useQuery(organizationContactsQuery(id))} />;
}

function DealPeople({ id }: { id: string }) {
  const { t } = useTranslation('records');
  return <People title={t('related.dealContacts')} people={useQuery(opportunityContactsQuery(id))} />;
}

function People({ title, people }: { title: string; people: UseQueryResult<{ items: RelatedPerson[] }> }) {
  const { t } = useTranslation('records');
  return (
    <Section title={title} empty={people.isPending ? t('related.loading') : t('related.none')}>
      {(people.data?.items ?? []).map((person, index) => (
        <li key={`${person.contactId}-${index}`}>
          <Anchor component={Link} to={recordHref('contact', person.contactId)}>
            {[person.firstName, person.lastName].filter(Boolean).join(' ')}
          </Anchor>
          {person.role !== null && <Text span size="sm" c="gray.7">{` · ${person.role}`}</Text>}
        </li>
      ))}
    </Section>
  );
}

function ContactRoles({ id }: { id: string }) {
  const { t } = useTranslation('records');
  const roles = useQuery(contactRolesQuery(id));
  return (
    <Section title={t('related.roles')} empty={roles.isPending ? t('related.loading') : t('related.none')}>
      {(roles.data?.items ?? []).map((role) => (
        <li key={role.id}>
          <Anchor component={Link} to={recordHref('organization', role.organizationId)}>
            {role.organizationName}
          </Anchor>
          <Text span size="sm" c="gray.7">{` · ${role.role}`}</Text>
        </li>
      ))}
    </Section>
  );
}

function ProductLinesList({ id }: { id: string }) {
  const { t } = useTranslation('records');
  const lines = useQuery(productLinesQuery(id));
  const totals = lines.data?.totals ?? [];
  return (
    <Section title={t('related.products')} empty={lines.isPending ? t('related.loading') : t('related.none')}>
      {[
        ...(lines.data?.items ?? []).map((line) => (
          <li key={line.id}>
            <Text size="sm">
              {t('related.productLine', { name: line.productName, quantity: line.quantity, amount: formatMoney(line.amount, line.currency) })}
            </Text>
          </li>
        )),
        ...(totals.length > 0
          ? [
              <li key="totals">
                <Text size="sm" fw={600}>
                  {t('related.total', { amounts: totals.map((total) => formatMoney(total.amount, total.currency)).join(', ') })}
                </Text>
              </li>,
            ]
          : []),
      ]}
    </Section>
  );
}

function Referring({ type, field, owner }: { type: WorkspaceRecordType; field: string; owner: { type: WorkspaceRecordType; id: string } }) {
  const { t } = useTranslation('records');
  const records = useQuery(referringQuery(type, field, owner));
  return (
    <Section title={t(`types.${type}.plural`)} empty={records.isPending ? t('related.loading') : t('related.none')}>
      {(records.data?.items ?? []).map((item) => (
        <li key={item.id}>
          <Anchor component={Link} to={recordHref(type, item.id)}>
            {recordTitle(type, item) || t('related.untitled')}
          </Anchor>
        </li>
      ))}
    </Section>
  );
}

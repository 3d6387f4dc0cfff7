// The five record types of the CRM and their fields (DOMAIN.md: organizations, contacts, requests
// with BANT, opportunities with stages, activities). Ownership (ownerId, teamId) and the audit
// columns (id, createdAt, updatedAt, version) are on every type and not listed here.
import type { RecordTypeDefinition, RecordTypeName } from './record-field.js';

const owned = [
  { name: 'ownerId', kind: 'user', filter: true, description: 'The seller responsible; null: waiting in the team queue.' },
  { name: 'teamId', kind: 'team', filter: true, description: "The team whose queue holds the record while it has no owner; the owner's team otherwise." },
] as const;

export const organizationType: RecordTypeDefinition = {
  name: 'organization',
  path: 'organizations',
  table: 'crm_organizations',
  title: ['name'],
  duplicateKeys: ['legalId', 'emails', 'phones'],
  fields: [
    { name: 'name', kind: 'text', required: true, maxLength: 200, filter: true, sort: true, search: true },
    { name: 'legalId', kind: 'text', maxLength: 50, filter: true, description: 'Legal or tax identification, compared without spaces and punctuation.' },
    { name: 'industry', kind: 'catalog', catalog: 'industries', filter: true },
    { name: 'category', kind: 'catalog', catalog: 'organization-categories', filter: true },
    { name: 'relationType', kind: 'catalog', catalog: 'relation-types', filter: true },
    { name: 'addresses', kind: 'addresses' },
    { name: 'phones', kind: 'phones', search: true },
    { name: 'emails', kind: 'emails', search: true },
    { name: 'website', kind: 'url', maxLength: 500 },
    { name: 'territory', kind: 'text', maxLength: 100, filter: true, readOnly: true, description: 'Placed by the territory rule sets.' },
    { name: 'parentId', kind: 'record', recordType: 'organization', filter: true },
    ...owned,
  ],
};

export const contactType: RecordTypeDefinition = {
  name: 'contact',
  path: 'contacts',
  table: 'crm_contacts',
  title: ['firstName', 'lastName'],
  duplicateKeys: ['emails', 'phones'],
  fields: [
    { name: 'firstName', kind: 'text', maxLength: 100, search: true },
    { name: 'lastName', kind: 'text', required: true, maxLength: 100, filter: true, sort: true, search: true },
    { name: 'category', kind: 'catalog', catalog: 'contact-categories', filter: true },
    { name: 'phones', kind: 'phones', search: true },
    { name: 'emails', kind: 'emails', search: true },
    { name: 'preferredChannel', kind: 'enum', values: ['phone', 'email', 'sms', 'messenger', 'post'], filter: true },
    { name: 'consentEmail', kind: 'boolean', description: 'May be sent e-mail (newsletters, offers).' },
    { name: 'consentPhone', kind: 'boolean' },
    { name: 'consentSms', kind: 'boolean' },
    { name: 'territory', kind: 'text', maxLength: 100, filter: true, readOnly: true, description: 'Placed by the territory rule sets.' },
    ...owned,
  ],
};

export const LEAD_CLASSIFICATIONS = ['expected-buyer', 'nurturable', 'no-prospect'] as const;

export const leadType: RecordTypeDefinition = {
  name: 'lead',
  path: 'leads',
  table: 'crm_leads',
  title: ['title'],
  fields: [
    { name: 'title', kind: 'text', required: true, maxLength: 200, sort: true, search: true },
    { name: 'channel', kind: 'catalog', catalog: 'lead-channels', required: true, filter: true },
    { name: 'requestType', kind: 'catalog', catalog: 'request-types', filter: true },
    { name: 'campaignId', kind: 'campaign', filter: true, description: 'The campaign the request came from (/api/v1/campaigns).' },
    { name: 'landingPage', kind: 'url', maxLength: 500 },
    { name: 'sourceList', kind: 'text', maxLength: 200 },
    { name: 'sourceNetwork', kind: 'text', maxLength: 200, filter: true },
    { name: 'products', kind: 'text', maxLength: 1000, description: 'The products or services asked about.' },
    { name: 'contactName', kind: 'text', maxLength: 200, search: true, description: 'As the request gave it, before a contact is known.' },
    { name: 'emails', kind: 'emails', search: true },
    { name: 'phones', kind: 'phones', search: true },
    { name: 'budget', kind: 'decimal', minimum: 0, description: 'BANT: what the buyer can spend.' },
    { name: 'authority', kind: 'enum', values: ['decision-maker', 'influencer', 'user', 'unknown'], description: 'BANT: can this person decide.' },
    { name: 'need', kind: 'enum', values: ['high', 'medium', 'low', 'unknown'], description: 'BANT: how much they need it.' },
    { name: 'timeline', kind: 'date', description: 'BANT: when they want to buy.' },
    { name: 'classification', kind: 'enum', values: LEAD_CLASSIFICATIONS, filter: true },
    { name: 'status', kind: 'enum', values: ['new', 'working', 'nurturing', 'converted', 'parked', 'disqualified'], filter: true, sort: true },
    { name: 'contactId', kind: 'record', recordType: 'contact', filter: true },
    { name: 'organizationId', kind: 'record', recordType: 'organization', filter: true },
    { name: 'territory', kind: 'text', maxLength: 100, filter: true, readOnly: true, description: 'Placed by the territory rule sets.' },
    ...owned,
  ],
};

export const opportunityType: RecordTypeDefinition = {
  name: 'opportunity',
  path: 'opportunities',
  table: 'crm_opportunities',
  title: ['name'],
  fields: [
    { name: 'name', kind: 'text', required: true, maxLength: 200, sort: true, search: true },
    { name: 'value', kind: 'decimal', minimum: 0, sort: true },
    { name: 'currency', kind: 'currency', filter: true },
    { name: 'expectedDecisionDate', kind: 'date', sort: true },
    { name: 'probability', kind: 'integer', minimum: 0, maximum: 100 },
    { name: 'stage', kind: 'text', maxLength: 100, filter: true, readOnly: true, description: 'Moved only through the process (POST …/stage).' },
    { name: 'nextContactAt', kind: 'datetime', sort: true },
    { name: 'organizationId', kind: 'record', recordType: 'organization', filter: true },
    { name: 'contactId', kind: 'record', recordType: 'contact', filter: true, description: 'The main contact.' },
    { name: 'leadId', kind: 'record', recordType: 'lead', filter: true },
    { name: 'outcome', kind: 'enum', values: ['won', 'lost'], filter: true, readOnly: true },
    { name: 'lostReason', kind: 'catalog', catalog: 'lost-reasons', filter: true },
    { name: 'outcomeComment', kind: 'longText', maxLength: 4000, description: 'Why it was won or lost: what we learned.' },
    ...owned,
  ],
};

export const activityType: RecordTypeDefinition = {
  name: 'activity',
  path: 'activities',
  table: 'crm_activities',
  title: ['subject'],
  fields: [
    { name: 'kind', kind: 'enum', values: ['call', 'meeting', 'email', 'task', 'note'], required: true, filter: true },
    { name: 'subject', kind: 'text', required: true, maxLength: 200, sort: true, search: true },
    { name: 'body', kind: 'longText', maxLength: 10000 },
    { name: 'organizationId', kind: 'record', recordType: 'organization', filter: true },
    { name: 'contactId', kind: 'record', recordType: 'contact', filter: true },
    { name: 'leadId', kind: 'record', recordType: 'lead', filter: true },
    { name: 'opportunityId', kind: 'record', recordType: 'opportunity', filter: true },
    { name: 'dueAt', kind: 'datetime', sort: true },
    { name: 'done', kind: 'boolean', filter: true },
    { name: 'outcome', kind: 'text', maxLength: 1000 },
    { name: 'nextContactAt', kind: 'datetime', sort: true },
    ...owned,
  ],
};

export const RECORD_TYPES: Readonly<Record<RecordTypeName, RecordTypeDefinition>> = {
  organization: organizationType,
  contact: contactType,
  lead: leadType,
  opportunity: opportunityType,
  activity: activityType,
};

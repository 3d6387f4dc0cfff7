import type { RecordField } from '@stageflow/api-contract';
import { changesOf, draftsOf, editableFields, fromDraft, toDraft } from './field-drafts';

const title: RecordField = { name: 'title', kind: 'text', required: true };
const emails: RecordField = { name: 'emails', kind: 'emails' };
const budget: RecordField = { name: 'budget', kind: 'decimal' };
const consent: RecordField = { name: 'consentEmail', kind: 'boolean' };
const territory: RecordField = { name: 'territory', kind: 'text', readOnly: true };
const owner: RecordField = { name: 'ownerId', kind: 'user' };

describe('field drafts', () => {
  it('edits the fields a user may write and has an input for', () => {
    const organization: RecordField = { name: 'organizationId', kind: 'record', recordType: 'organization' };
    expect(editableFields([title, territory, owner, budget, organization]).map((field) => field.name)).toEqual(['title', 'budget', 'organizationId']);
  });

  it('holds lists one per line and reads them back without blank lines', () => {
    expect(toDraft(emails, ['a@x.example', 'b@x.example'])).toBe('a@x.example\nb@x.example');
    expect(fromDraft(emails, ' a@x.example \n\n b@x.example ')).toEqual(['a@x.example', 'b@x.example']);
  });

  it('sends an emptied field as null, a number as a number, and what is no number as typed', () => {
    expect(fromDraft(budget, '')).toBeNull();
    expect(fromDraft(budget, '1200.50')).toBe(1200.5);
    expect(fromDraft(budget, 'lots')).toBe('lots');
    expect(fromDraft(consent, true)).toBe(true);
  });

  it('sends only what changed', () => {
    const record = { title: 'Fleet', emails: ['a@x.example'], budget: 1000, consentEmail: false };
    const fields = [title, emails, budget, consent];
    const drafts = draftsOf(fields, record);
    expect(changesOf(fields, record, drafts)).toEqual({});
    expect(changesOf(fields, record, { ...drafts, title: 'Fleet 2', budget: '1000' })).toEqual({ title: 'Fleet 2' });
    expect(changesOf(fields, record, { ...drafts, emails: 'a@x.example\nnot-an-email' })).toEqual({ emails: ['a@x.example', 'not-an-email'] });
  });

  it('round-trips an instant through the local datetime input', () => {
    const nextContact: RecordField = { name: 'nextContactAt', kind: 'datetime' };
    const instant = '2026-12-07T09:30:00.000Z';
    expect(fromDraft(nextContact, toDraft(nextContact, instant))).toBe(instant);
  });
});

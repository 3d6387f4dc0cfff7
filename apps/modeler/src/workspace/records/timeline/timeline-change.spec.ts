import type { TimelineEntryView } from '@stageflow/api-contract';
import { changeParts } from './timeline-change';

const ACME = '00000000-0000-4000-8000-00000000000a';
const HIDDEN = '00000000-0000-4000-8000-00000000000b';

function change(field: string, old: unknown, next: unknown, names?: TimelineEntryView['names']): TimelineEntryView {
  return { at: '2026-12-07T10:00:00.000Z', kind: 'field-change', summary: '', details: { field, old, new: next }, ...(names ? { names } : {}) };
}

describe('a timeline change’s parts', () => {
  it('given an organization the user sees replaced by one they may not see, when shown, then the first by name with its link and the second as hidden, never its id', () => {
    const parts = changeParts(
      'lead',
      change('organizationId', ACME, HIDDEN, {
        old: { name: 'Acme', record: { type: 'organization', id: ACME }, visible: true },
        new: { name: null, record: null, visible: false },
      }),
    );
    expect(parts).toEqual({ field: 'organizationId', old: { kind: 'record', type: 'organization', id: ACME, name: 'Acme' }, new: { kind: 'hidden' } });
  });

  it('given an owner change the engine named, when shown, then the users’ names', () => {
    const parts = changeParts('lead', change('ownerId', ACME, null, { old: { name: 'sara', record: null, visible: true }, new: null }));
    expect(parts).toMatchObject({ old: { kind: 'name', text: 'sara' }, new: { kind: 'none' } });
  });

  it('given enum and catalog changes, when shown, then the enum field and the catalog to label them by', () => {
    expect(changeParts('lead', change('classification', 'nurturable', 'expected-buyer'))).toMatchObject({
      old: { kind: 'enum', value: 'nurturable', field: { name: 'classification' } },
      new: { kind: 'enum', value: 'expected-buyer' },
    });
    expect(changeParts('lead', change('channel', null, 'web-form'))).toMatchObject({
      old: { kind: 'none' },
      new: { kind: 'catalog', catalog: 'lead-channels', value: 'web-form' },
    });
  });

  it('given an id the engine could not name (a user no longer there), when shown, then the value as it is', () => {
    expect(changeParts('lead', change('ownerId', ACME, null, { old: { name: null, record: null, visible: true }, new: null }))).toMatchObject({
      old: { kind: 'value', value: ACME },
    });
  });

  it('given a stage change, an amount and entries of other kinds, when shown, then the stage field, the amount by its field, nothing for the others', () => {
    expect(changeParts('opportunity', { at: '', kind: 'stage-change', summary: '', details: { field: 'stage', old: 'Offer', new: 'Won' } })).toMatchObject({
      field: 'stage',
      old: { kind: 'value', value: 'Offer' },
    });
    expect(changeParts('opportunity', change('value', 100, 250))).toMatchObject({
      new: { kind: 'value', value: 250, field: { name: 'value', kind: 'decimal' } },
    });
    expect(changeParts('lead', { at: '', kind: 'comment', summary: 'hi', details: { body: 'hi' } })).toBeUndefined();
  });
});

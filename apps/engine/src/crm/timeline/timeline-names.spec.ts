import { leadType } from '@stageflow/api-contract';
import { HIDDEN_RECORD, namedIdsOf, withNames, type FoundNames } from './timeline-names.js';
import type { TimelineEntry } from './timeline.row.js';

const ACME = '00000000-0000-4000-8000-00000000000a';
const SECRET = '00000000-0000-4000-8000-00000000000b';
const SARA = '00000000-0000-4000-8000-00000000000c';
const MAX = '00000000-0000-4000-8000-00000000000d';
const CAMPAIGN = '00000000-0000-4000-8000-00000000000e';

function change(field: string, old: unknown, next: unknown): TimelineEntry {
  return { at: '2026-12-07T10:00:00.000Z', kind: 'field-change', summary: `${field}: ${String(old)} → ${String(next)}`, details: { field, old, new: next } };
}

const shown = (value: unknown): string => (value === null || value === undefined ? '—' : String(value));

describe('the names behind a timeline’s ids', () => {
  const entries = [
    change('organizationId', ACME.toUpperCase(), SECRET),
    change('ownerId', SARA, MAX),
    change('campaignId', null, CAMPAIGN),
    change('budget', 10, 20),
    { at: '2026-12-07T09:00:00.000Z', kind: 'comment', summary: 'hello', details: { body: 'hello' } } satisfies TimelineEntry,
  ];

  it('given field changes of id fields and others, when the ids are collected, then each id once by what it names, lower-cased; other fields none', () => {
    const ids = namedIdsOf(leadType, [...entries, change('contactId', SECRET, null), change('organizationId', 'not-a-uuid', ACME)]);
    expect(ids.users).toEqual(new Set([SARA, MAX]));
    expect(ids.campaigns).toEqual(new Set([CAMPAIGN]));
    expect(ids.teams.size).toBe(0);
    expect(ids.records).toEqual(
      new Map([
        ['organization', new Set([ACME, SECRET])],
        ['contact', new Set([SECRET])],
      ]),
    );
  });

  it('given a visible and a hidden organization, users and a campaign found, when named, then titles with links, "a record you may not see" without its name, usernames in the summary', () => {
    const found: FoundNames = {
      users: new Map([[SARA, 'sara']]),
      teams: new Map(),
      campaigns: new Map([[CAMPAIGN, 'Spring fair']]),
      records: new Map([[`organization:${ACME}`, 'Acme']]),
    };
    const [organization, owner, campaign, budget, comment] = withNames(leadType, entries, found, shown);
    expect(organization).toMatchObject({
      summary: `organizationId: Acme → ${HIDDEN_RECORD}`,
      names: { old: { name: 'Acme', record: { type: 'organization', id: ACME }, visible: true }, new: { name: null, record: null, visible: false } },
    });
    // A user no longer there keeps its id: there is nothing else to show.
    expect(owner).toMatchObject({ summary: `ownerId: sara → ${MAX}`, names: { old: { name: 'sara', visible: true }, new: { name: null, visible: true } } });
    expect(campaign).toMatchObject({ summary: 'campaignId: — → Spring fair', names: { old: null, new: { name: 'Spring fair', record: null } } });
    expect(budget).toBe(entries[3]);
    expect(comment).toBe(entries[4]);
  });
});

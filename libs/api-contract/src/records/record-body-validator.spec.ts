import { recordBodyIssues } from './record-body-validator.js';
import { contactType, leadType, opportunityType, organizationType } from './record-types.js';

describe('record bodies', () => {
  it('accepts a create with the required fields and optional ones set or null', () => {
    expect(
      recordBodyIssues(organizationType, 'create', { name: 'Acme', industry: null, emails: ['info@acme.example'], website: 'https://acme.example' }),
    ).toEqual([]);
  });

  it('names a missing required field, an unknown field and a wrong type, all at once', () => {
    expect(recordBodyIssues(leadType, 'create', { title: 'Demo', nickname: 'x', budget: 'lots' })).toEqual(
      expect.arrayContaining([
        { path: 'channel', message: 'is required' },
        { path: 'nickname', message: 'is not allowed' },
        expect.objectContaining({ path: 'budget' }),
      ]),
    );
  });

  it('refuses a read-only field on create: the stage of a deal moves only through its process', () => {
    expect(recordBodyIssues(opportunityType, 'create', { name: 'Deal', stage: 'Won' })).toEqual([{ path: 'stage', message: 'is not allowed' }]);
  });

  it('refuses a required text of spaces, a bad e-mail, a value outside the enum and a probability over 100', () => {
    const issues = recordBodyIssues(contactType, 'create', { lastName: '   ', emails: ['not-an-address'], preferredChannel: 'pigeon' });
    expect(issues.map((issue) => issue.path).sort()).toEqual(['emails[0]', 'lastName', 'preferredChannel']);
    expect(recordBodyIssues(opportunityType, 'update', { probability: 101 })).toEqual([expect.objectContaining({ path: 'probability' })]);
  });

  it('lets an update clear an optional field with null but not a required one, and refuses an empty update', () => {
    expect(recordBodyIssues(organizationType, 'update', { website: null })).toEqual([]);
    expect(recordBodyIssues(organizationType, 'update', { name: null })).toEqual([expect.objectContaining({ path: 'name' })]);
    expect(recordBodyIssues(organizationType, 'update', {})).toHaveLength(1);
  });

  it('keeps ownership out of an update: handing a record over is its own action', () => {
    expect(recordBodyIssues(organizationType, 'update', { ownerId: '00000000-0000-0000-0000-000000000000' })).toEqual([
      { path: 'ownerId', message: 'is not allowed' },
    ]);
  });

  it('lets a process set read-only fields (stage, territory) but still names unknown fields, wrong values and missing required ones', () => {
    expect(recordBodyIssues(opportunityType, 'process-update', { stage: 'Offer', outcome: 'won' })).toEqual([]);
    expect(recordBodyIssues(leadType, 'process-update', { status: 'done', nickname: 'x' })).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'status' }), { path: 'nickname', message: 'is not allowed' }]),
    );
    expect(recordBodyIssues(contactType, 'process-create', { firstName: 'Ann', territory: 'North' })).toEqual([{ path: 'lastName', message: 'is required' }]);
  });
});

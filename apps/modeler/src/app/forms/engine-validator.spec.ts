import type { RJSFSchema } from '@rjsf/utils';
import { matchesShape } from './engine-validator';

describe('the shape match rjsf picks a oneOf branch with', () => {
  const call: RJSFSchema = { type: 'object', properties: { kind: { const: 'call' }, minutes: { type: 'integer' } }, required: ['kind'] };

  it('given values of the branch, when matched, then true; other kinds, types and missing required fields false', () => {
    expect(matchesShape(call, { kind: 'call', minutes: 5 })).toBe(true);
    expect(matchesShape(call, { kind: 'meeting' })).toBe(false);
    expect(matchesShape(call, { kind: 'call', minutes: 1.5 })).toBe(false);
    expect(matchesShape(call, { minutes: 5 })).toBe(false);
    expect(matchesShape({ type: 'string', enum: ['a', 'b'] }, 'c')).toBe(false);
    expect(matchesShape({ type: ['string', 'null'] }, null)).toBe(true);
  });
});

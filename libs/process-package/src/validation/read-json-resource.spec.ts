import { readJsonResource } from './read-json-resource.js';

describe('readJsonResource', () => {
  it('reads a JSON text as its value', () => {
    expect(readJsonResource('{"key": "bant", "rules": []}')).toEqual({ ok: true, value: { key: 'bant', rules: [] } });
  });

  it('refuses a text that is not JSON with the parser reason at the empty path', () => {
    const read = readJsonResource('{"key": ');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems).toEqual([{ path: '', message: expect.stringMatching(/^is not valid JSON \(.+\)$/) }]);
  });

  it('refuses a text over the limit before parsing it, and accepts one at the limit', () => {
    expect(readJsonResource('[1, 2]', 5)).toEqual({ ok: false, problems: [{ path: '', message: 'is longer than 5 characters' }] });
    expect(readJsonResource('[1,2]', 5)).toEqual({ ok: true, value: [1, 2] });
  });
});

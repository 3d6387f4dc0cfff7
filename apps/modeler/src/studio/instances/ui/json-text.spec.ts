import { jsonText, parseJsonValue } from './json-text';

describe('jsonText', () => {
  it('given values of each JSON type, when shown, then strings keep their quotes and markup stays text', () => {
    expect([jsonText('42'), jsonText(42), jsonText(null), jsonText({ a: [1] }), jsonText('<img src=x onerror=alert(1)>')]).toEqual([
      '"42"',
      '42',
      'null',
      '{"a":[1]}',
      '"<img src=x onerror=alert(1)>"',
    ]);
  });
});

describe('parseJsonValue', () => {
  it('given JSON, when parsed, then the value; given text that is not JSON, then the reason', () => {
    expect(parseJsonValue('{"approved": true}')).toEqual({ ok: true, value: { approved: true } });
    expect(parseJsonValue('yes')).toEqual({ ok: false, reason: expect.any(String) });
  });
});

import { assertDecodableEscapes, assertStorableRequestText, assertStorableText, assertUtf8, findUnstorableText } from './storable-text.js';

describe('storable text', () => {
  it('finds a NUL deep in a body and names it by JSON pointer', () => {
    expect(findUnstorableText({ variables: { customer: { names: ['ok', 'a\u0000b'] } } })).toEqual({
      path: '/variables/customer/names/1',
      message: 'must not contain the NUL character (U+0000)',
    });
  });

  it('finds a lone surrogate in a value and in an object key, escaping the key in the pointer', () => {
    expect(findUnstorableText({ team: 'team\ud800' })?.path).toBe('/team');
    expect(findUnstorableText({ 'a/b~': { ['k\udfff']: 1 } })).toEqual({
      path: '/a~1b~0/k\udfff',
      message: 'has a name that must not contain a lone UTF-16 surrogate (not a Unicode character)',
    });
  });

  it('lets every well-formed string through, emoji (surrogate pairs) included', () => {
    expect(findUnstorableText({ name: 'Ünïcödé 🚀 名前', n: 1, b: true, x: null })).toBeUndefined();
  });

  it('refuses with a 400 that says where the text was', () => {
    expect(() => assertStorableText({ id: 'a\u0000' }, 'path')).toThrow(
      expect.objectContaining({ code: 'bad_request', message: expect.stringMatching(/^path\/id must not contain the NUL/) }),
    );
    expect(() => assertStorableText('x\u0000', 'query')).toThrow(/^query must not contain the NUL/);
  });

  it('refuses bytes that are not UTF-8 instead of repairing them', () => {
    expect(() => assertUtf8(Buffer.from([0x7b, 0xc3, 0x28, 0x7d]), 'body')).toThrow('body is not valid UTF-8');
    expect(() => assertUtf8(Buffer.from('{"a":"é"}'), 'body')).not.toThrow();
  });

  it('refuses %-escapes that are not UTF-8 or malformed, and lets plain and well-escaped parts through', () => {
    expect(() => assertDecodableEscapes('a%C3%28b', 'query')).toThrow('query is not valid UTF-8 or has a malformed %-escape');
    expect(() => assertDecodableEscapes('a%zz', 'path')).toThrow('path is not valid UTF-8');
    expect(() => assertDecodableEscapes('name=J%C3%BCrgen&x=100%25', 'query')).not.toThrow();
    expect(() => assertDecodableEscapes('/api/v1/tasks', 'path')).not.toThrow();
  });

  it('names the first unstorable text in document order when there are several, keys before their values', () => {
    expect(findUnstorableText({ ok: [1, 'fine', { deep: 'x\ud800' }], later: 'y\u0000' })).toEqual({
      path: '/ok/2/deep',
      message: 'must not contain a lone UTF-16 surrogate (not a Unicode character)',
    });
    expect(findUnstorableText({ ['k\u0000']: 'v\u0000' })?.message).toMatch(/^has a name that must not contain the NUL/);
    expect(findUnstorableText('top\u0000')).toEqual({ path: '', message: 'must not contain the NUL character (U+0000)' });
  });

  describe('a request URL with its parsed parameters and query', () => {
    it('lets a plain request through', () => {
      expect(() =>
        assertStorableRequestText(
          '/api/v1/tasks?processInstanceId=1b4e28ba-2fa1-11d2-883f-0016d3cca427&state=created',
          {},
          {
            processInstanceId: '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
            state: 'created',
          },
        ),
      ).not.toThrow();
    });

    it('refuses a path parameter or a query value that cannot be stored, naming it', () => {
      expect(() => assertStorableRequestText('/api/v1/territories/a%00b', { key: 'a\u0000b' }, {})).toThrow(/^path\/key must not contain the NUL/);
      expect(() => assertStorableRequestText('/api/v1/tasks?assignee=a%00', {}, { assignee: 'a\u0000' })).toThrow(/^query\/assignee must not contain/);
      expect(() => assertStorableRequestText('/x?k=a&k=b', {}, { k: ['a', 'b\ud800'] })).toThrow(/^query\/k\/1 must not contain a lone/);
    });

    it('refuses escapes that do not decode in the path or in the query, whatever the parsed values say', () => {
      expect(() => assertStorableRequestText('/api/v1/territories/a%C3%28', { key: 'a\ufffd(' }, {})).toThrow('path is not valid UTF-8');
      expect(() => assertStorableRequestText('/api/v1/tasks?assignee=%FF', {}, { assignee: '\ufffd' })).toThrow('query is not valid UTF-8');
      expect(() => assertStorableRequestText('/api/v1/tasks?a=%zz', {}, {})).toThrow('query is not valid UTF-8 or has a malformed %-escape');
    });
  });
});

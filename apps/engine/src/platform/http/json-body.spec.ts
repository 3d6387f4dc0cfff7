import { BodyError, byteLimit, parseStrictJson } from './json-body.js';

describe('byteLimit', () => {
  it.each([
    ['1mb', 1024 * 1024],
    ['512kb', 512 * 1024],
    ['100', 100],
    ['2 MB', 2 * 1024 * 1024],
  ])('reads %s as %d bytes', (text, bytes) => {
    expect(byteLimit(text)).toBe(bytes);
  });

  it('refuses a size it cannot read', () => {
    expect(() => byteLimit('lots')).toThrow('not a size: lots');
  });
});

describe('parseStrictJson', () => {
  it('parses an object or an array', () => {
    expect(parseStrictJson(' {"a":[1,{"b":null}]}')).toEqual({ a: [1, { b: null }] });
    expect(parseStrictJson('[1,2]')).toEqual([1, 2]);
  });

  it('reads an empty body as an empty object, as body-parser did', () => {
    expect(parseStrictJson('')).toEqual({});
  });

  it.each(['42', '"text"', 'null', 'true', '  \n'])('refuses the top-level value %s as a 400 parse error', (text) => {
    expect(() => parseStrictJson(text)).toThrow(BodyError);
    try {
      parseStrictJson(text);
    } catch (error) {
      expect(error).toMatchObject({ status: 400, type: 'entity.parse.failed' });
    }
  });

  it('refuses malformed JSON as a 400 parse error', () => {
    expect(() => parseStrictJson('{"variables": {')).toThrow(expect.objectContaining({ status: 400, type: 'entity.parse.failed' }));
  });
});

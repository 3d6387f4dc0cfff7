import { Invalid } from '../errors/domain-errors.js';
import { decodeTimeIdCursor, encodeTimeIdCursor } from './time-id-cursor.js';

describe('time-id cursor', () => {
  it('given a cursor it encoded, when decoded, then it gives back the time to the microsecond and the id', () => {
    const cursor = { at: '2026-12-07T18:06:12.123456Z', id: '0b7c52f4-9c1e-4c43-9d36-6d2f0f6f1a11' };

    expect(decodeTimeIdCursor(encodeTimeIdCursor(cursor))).toEqual(cursor);
  });

  it.each([
    ['not base64 JSON', 'nope'],
    [
      'a time without microseconds',
      Buffer.from(JSON.stringify({ at: '2026-12-07T18:06:12Z', id: '0b7c52f4-9c1e-4c43-9d36-6d2f0f6f1a11' })).toString('base64url'),
    ],
    ['an id that is no UUID', Buffer.from(JSON.stringify({ at: '2026-12-07T18:06:12.123456Z', id: "x' OR 1=1" })).toString('base64url')],
  ])('given %s, when decoded, then it is refused naming the field', (_, raw) => {
    expect(() => decodeTimeIdCursor(raw, 'cursor')).toThrow(Invalid);
    expect(() => decodeTimeIdCursor(raw, 'cursor')).toThrow(/^cursor is not a cursor of this list/);
  });
});

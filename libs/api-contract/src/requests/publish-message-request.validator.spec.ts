import { isPublishMessageRequest, messageTtlSeconds, validatePublishMessageRequest } from './publish-message-request.validator.js';

describe('validatePublishMessageRequest', () => {
  describe('given a valid body', () => {
    it.each([
      [{ name: 'newsletter-opened' }],
      [{ name: 'newsletter-opened', correlationKey: 'LEAD-7' }],
      [{ name: 'offer-signed', correlationKey: '42', variables: { amount: 1200 }, ttl: 'PT1H' }],
      [{ name: 'm', ttl: 'P366D' }],
    ])('when the body is %j then it finds no issue', (body) => {
      expect(validatePublishMessageRequest(body)).toEqual([]);
      expect(isPublishMessageRequest(body)).toBe(true);
    });
  });

  describe('given a missing or bad name', () => {
    it.each([
      [{}, 'is required'],
      [{ name: '' }, 'must not be empty'],
      [{ name: 7 }, 'must be a string'],
      [{ name: 'n'.repeat(256) }, 'must be at most 255 characters long'],
    ])('when the body is %j then name is refused: %s', (body, message) => {
      expect(validatePublishMessageRequest(body)).toEqual([{ path: 'name', message }]);
    });
  });

  describe('given a bad correlation key', () => {
    it.each([
      [null, 'must be a string'],
      [42, 'must be a string'],
      ['', 'must not be empty'],
    ])('when correlationKey is %j then correlationKey is refused: %s', (correlationKey, message) => {
      expect(validatePublishMessageRequest({ name: 'm', correlationKey })).toEqual([{ path: 'correlationKey', message }]);
    });
  });

  describe('given a bad ttl', () => {
    it.each([
      ['1 hour', 'must be an ISO 8601 duration such as PT1H, P3D or P1DT12H (weeks, days, hours, minutes, seconds)'],
      ['P1M', 'must be an ISO 8601 duration such as PT1H, P3D or P1DT12H (weeks, days, hours, minutes, seconds)'],
      ['PT0S', 'must be longer than zero'],
      ['P367D', 'must be at most P366D'],
    ])('when ttl is %j then ttl is refused: %s', (ttl, message) => {
      expect(validatePublishMessageRequest({ name: 'm', ttl })).toEqual([{ path: 'ttl', message }]);
    });

    it('when ttl is a number then it is refused once, as not a string', () => {
      expect(validatePublishMessageRequest({ name: 'm', ttl: 3600 })).toEqual([{ path: 'ttl', message: 'must be a string' }]);
    });
  });

  describe('given several problems', () => {
    it('then unknown fields, the ttl and forbidden variable keys are listed together', () => {
      const body: unknown = JSON.parse('{"name":"m","key":"x","ttl":"soon","variables":{"__proto__":{}}}');
      expect(validatePublishMessageRequest(body)).toEqual([
        { path: 'key', message: 'is not allowed' },
        { path: 'ttl', message: expect.stringContaining('ISO 8601') },
        { path: 'variables.__proto__', message: '"__proto__" is not allowed as a key' },
      ]);
    });
  });

  describe('messageTtlSeconds', () => {
    it('given a ttl then it is its length in seconds; given none then undefined', () => {
      expect(messageTtlSeconds({ name: 'm', ttl: 'PT1H30M' })).toBe(5400);
      expect(messageTtlSeconds({ name: 'm' })).toBeUndefined();
    });
  });
});

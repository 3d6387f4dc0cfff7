import { parseIsoDuration } from './iso-duration.js';

describe('parseIsoDuration', () => {
  it.each([
    ['PT1H', 3600],
    ['PT90S', 90],
    ['PT1.5S', 1.5],
    ['PT0,25S', 0.25],
    ['P3D', 3 * 86400],
    ['P1DT12H', 36 * 3600],
    ['P2W', 14 * 86400],
    ['PT1H30M', 5400],
    ['PT0S', 0],
  ])('given %s then it lasts %d seconds', (text, seconds) => {
    expect(parseIsoDuration(text)).toEqual({ ok: true, seconds });
  });

  it.each([['P'], ['PT'], ['P1DT'], ['1H'], ['PT1h'], ['P1Y'], ['P1M'], ['P1W2D'], ['-PT1H'], ['PT1H '], [''], ['P1.5D']])(
    'given %j then it is refused as not a fixed-length duration',
    (text) => {
      expect(parseIsoDuration(text)).toEqual({ ok: false, message: expect.stringContaining('ISO 8601 duration') });
    },
  );
});

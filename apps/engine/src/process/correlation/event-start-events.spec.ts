import { eventStartEvents } from './event-start-events.js';

describe('eventStartEvents', () => {
  it('given the start triggers of a version, then message and signal starts become rows and none and timer starts do not', () => {
    const rows = eventStartEvents([
      { kind: 'none', elementId: 'start' },
      { kind: 'timer', elementId: 'nightly', timer: { kind: 'cycle', expression: 'R/P1D' } },
      { kind: 'message', elementId: 'formSubmitted', messageName: 'web-form-submitted' },
      { kind: 'signal', elementId: 'priceChanged', signalName: 'price-list-changed' },
    ]);

    expect(rows).toEqual([
      { kind: 'message', name: 'web-form-submitted', elementId: 'formSubmitted' },
      { kind: 'signal', name: 'price-list-changed', elementId: 'priceChanged' },
    ]);
  });
});

// POST /api/v1/signals.
import { described, integer, named, string, uuid } from '../schemas/json-schema.js';

export interface SignalBroadcastView {
  signalId: string;
  name: string;
  /** Instances with an open subscription: one deliverSignal job each. */
  deliveries: number;
  /** Latest-version signal start events: one instance started each. */
  starts: number;
}

export const signalBroadcastSchema = named<SignalBroadcastView>('signal-broadcast', {
  signalId: uuid,
  name: string,
  deliveries: described(integer, 'Instances with an open subscription: one deliverSignal job each.'),
  starts: described(integer, 'Latest-version signal start events: one instance started each.'),
});

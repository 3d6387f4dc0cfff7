/**
 * An e-mail or webhook that cannot be queued as given (an address that is none, a body that is
 * not JSON): thrown by the outbox services before anything is written, naming the field, so the
 * caller (an action) fails with a reason an analyst can act on.
 */
export class InvalidOutboundRequest extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field} ${message}`);
    this.name = 'InvalidOutboundRequest';
  }
}

/**
 * For service specs: a fake (an object with the public methods of T that a service calls) typed
 * as T for the service's constructor. Services call only public methods, so T's private fields
 * (its data source) are never missed.
 */
export function fakeOf<T>(fake: Partial<Pick<T, keyof T>>): T {
  return fake as T;
}

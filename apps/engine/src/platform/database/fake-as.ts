/**
 * For service specs: a fake repository (an object with T's public methods) typed as T for the
 * service's constructor. Services call only public methods, so T's private fields (its data
 * source) are never missed.
 */
export function fakeAs<T>(fake: Pick<T, keyof T>): T {
  return fake as T;
}

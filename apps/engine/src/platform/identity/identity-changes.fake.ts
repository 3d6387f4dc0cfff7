// For service specs: IdentityChanges without a database; `emit` plays a notification.
import type { IdentityChanges } from './identity-changes.js';

export class FakeIdentityChanges implements Pick<IdentityChanges, keyof IdentityChanges> {
  listening = true;
  private readonly subscribers: ((payload: string) => void)[] = [];

  subscribe(subscriber: (payload: string) => void): void {
    this.subscribers.push(subscriber);
  }

  async onApplicationBootstrap(): Promise<void> {}

  async onApplicationShutdown(): Promise<void> {}

  emit(payload: string): void {
    for (const subscriber of this.subscribers) subscriber(payload);
  }
}

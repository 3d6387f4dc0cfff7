import type { Command, Effect } from '@stageflow/bpmn-runtime';
import type { Queryable } from '../../platform/database/queryable.js';
import { ProcessEventSubscribers, type ProcessEventNotice } from './process-event-subscribers.js';

const instance = { id: 'i-1', definitionKey: 'opportunity', businessKey: 'opportunity:42' };
const actor = { userId: 'u-1', username: 'seller' };
const complete: Command = { type: 'completeTask', taskId: 't-1', variables: {} } as unknown as Command;
const enteredOffer = { type: 'ElementEntered', elementId: 'Offer', elementType: 'userTask', stage: 'Offer' } as unknown as Effect;
const ended = { type: 'InstanceCompleted' } as unknown as Effect;
const tx: Queryable = { query: async () => [] };

describe('ProcessEventSubscribers', () => {
  it('delivers nothing, and reads no events, while nobody subscribed', () => {
    expect(new ProcessEventSubscribers().deliveryFor(instance, [enteredOffer, ended], complete, actor)).toBeUndefined();
  });

  it('delivers nothing when no subscriber wants the events the command caused', () => {
    const subscribers = new ProcessEventSubscribers();
    subscribers.subscribe(['processStarted'], async () => undefined);
    expect(subscribers.deliveryFor(instance, [enteredOffer], complete, actor)).toBeUndefined();
  });

  it('tells each subscriber the events it wants, with the record the instance is about, on the command transaction', async () => {
    const subscribers = new ProcessEventSubscribers();
    const seen: [string, ProcessEventNotice, Queryable][] = [];
    subscribers.subscribe(['stageEntered'], async (notice, on) => void seen.push(['stages', notice, on]));
    subscribers.subscribe(['stageEntered', 'processEnded'], async (notice, on) => void seen.push(['all', notice, on]));
    await subscribers.deliveryFor(instance, [enteredOffer, ended], complete, actor)!(tx);
    expect(seen.map(([who, notice, on]) => [who, notice.event.name, notice.event.stage, notice.businessKey, on === tx])).toEqual([
      ['stages', 'stageEntered', 'Offer', 'opportunity:42', true],
      ['all', 'stageEntered', 'Offer', 'opportunity:42', true],
      ['all', 'processEnded', undefined, 'opportunity:42', true],
    ]);
    expect(seen[0]![1].actor).toEqual(actor);
  });

  it('delivers nothing for an instance no subscriber is about, so its command stays one statement', () => {
    const subscribers = new ProcessEventSubscribers();
    subscribers.subscribe(
      ['stageEntered'],
      async () => undefined,
      (businessKey) => businessKey?.startsWith('opportunity:') === true,
    );
    expect(subscribers.deliveryFor({ ...instance, businessKey: null }, [enteredOffer], complete, actor)).toBeUndefined();
    expect(subscribers.deliveryFor({ ...instance, businessKey: 'lead:7' }, [enteredOffer], complete, actor)).toBeUndefined();
    expect(subscribers.deliveryFor(instance, [enteredOffer], complete, actor)).toBeInstanceOf(Function);
  });

  it('fails the delivery when a subscriber throws, so the command rolls back', async () => {
    const subscribers = new ProcessEventSubscribers();
    subscribers.subscribe(['stageEntered'], async () => {
      throw new Error('the record refuses the stage');
    });
    await expect(subscribers.deliveryFor(instance, [enteredOffer], complete, actor)!(tx)).rejects.toThrow('the record refuses the stage');
  });
});

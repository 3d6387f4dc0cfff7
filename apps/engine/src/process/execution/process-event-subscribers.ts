// Code outside the process engine (the CRM) reacts to what a command did — a stage entered, an
// instance ended — inside that command's transaction: a record's stage moves with the process step
// or not at all, and a subscriber that throws fails the command (nothing is written). Subscribers
// register through ProcessEngine.subscribe; while none is registered the command pays nothing.
import { Injectable } from '@nestjs/common';
import type { Command, Effect } from '@stageflow/bpmn-runtime';
import type { ProcessEventName } from '@stageflow/process-package';
import type { Queryable } from '../../platform/database/queryable.js';
import { processEventsOf, type ProcessEvent } from '../process-events/process-events.js';
import type { Actor } from './instance-commands.service.js';

/** A stage move someone asked for (ProcessEngine.requestStageMove): the stage and the reason given. */
export interface StageMoveNotice {
  stage: string;
  reason: string | null;
}

/** What a subscriber is told: the event and the instance it happened on. */
export interface ProcessEventNotice {
  processInstanceId: string;
  definitionKey: string;
  /** The record the instance is about, when it was started with one. */
  businessKey: string | null;
  event: ProcessEvent;
  actor: Actor;
  /** The command was this stage move, asked for by `actor`. */
  stageMove?: StageMoveNotice;
}

/** Runs inside the command's transaction, on its connection (`tx`), after the command's write. */
export type ProcessEventSubscriber = (notice: ProcessEventNotice, tx: Queryable) => Promise<void>;

/** Whether a subscriber cares for the instance with this business key. */
export type BusinessKeyFilter = (businessKey: string | null) => boolean;

interface Subscription {
  subscriber: ProcessEventSubscriber;
  about: BusinessKeyFilter;
}

/** Events that happen as the command commits; `taskOverdue` happens later (a job delivers it to rule sets). */
export type CommandEventName = Exclude<ProcessEventName, 'taskOverdue'>;

@Injectable()
export class ProcessEventSubscribers {
  private readonly byName = new Map<ProcessEventName, Subscription[]>();

  /**
   * `about`: the instances the subscriber cares for, by business key (the CRM: its records'); the
   * others' commands do not deliver to it — and, with no other subscriber, stay one statement.
   */
  subscribe(names: readonly CommandEventName[], subscriber: ProcessEventSubscriber, about: BusinessKeyFilter = () => true): void {
    for (const name of new Set(names)) this.byName.set(name, [...(this.byName.get(name) ?? []), { subscriber, about }]);
  }

  /**
   * The delivery of a command's events to their subscribers, to run in its transaction; undefined
   * when no subscriber wants any of them (then the events are not even read off the effects).
   */
  deliveryFor(
    instance: { id: string; definitionKey: string; businessKey: string | null },
    effects: readonly Effect[],
    command: Command,
    actor: Actor,
    stageMove?: StageMoveNotice,
  ): ((tx: Queryable) => Promise<void>) | undefined {
    if (this.byName.size === 0) return undefined;
    const deliveries = processEventsOf(effects, command).flatMap((event) =>
      (this.byName.get(event.name) ?? []).filter(({ about }) => about(instance.businessKey)).map(({ subscriber }) => ({ subscriber, event })),
    );
    if (deliveries.length === 0) return undefined;
    return async (tx) => {
      for (const { subscriber, event } of deliveries) {
        const notice: ProcessEventNotice = {
          processInstanceId: instance.id,
          definitionKey: instance.definitionKey,
          businessKey: instance.businessKey,
          event,
          actor,
        };
        await subscriber(stageMove === undefined ? notice : { ...notice, stageMove }, tx);
      }
    };
  }
}

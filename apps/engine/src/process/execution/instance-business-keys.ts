// An instance's business key never changes, so what a node learnt of it stays true: the starts it
// wrote, the instances it read. The task list asks here before it reads process_instances for the
// records its tasks are about — the node that started an instance answers from memory (the common
// case: start, then the task list) and any node learns a key once. Bounded: the oldest half is
// forgotten when it is full.
import { Injectable } from '@nestjs/common';

const CAPACITY = 20_000;

@Injectable()
export class InstanceBusinessKeys {
  private readonly known = new Map<string, string | null>();

  remember(instanceId: string, businessKey: string | null): void {
    if (this.known.size >= CAPACITY) {
      let drop = CAPACITY / 2;
      for (const key of this.known.keys()) {
        this.known.delete(key);
        if (--drop === 0) break;
      }
    }
    this.known.set(instanceId, businessKey);
  }

  /** The keys known of these instances (null: known to have none) and the ids not known here. */
  lookUp(instanceIds: readonly string[]): { known: Map<string, string | null>; unknown: string[] } {
    const known = new Map<string, string | null>();
    const unknown: string[] = [];
    for (const id of instanceIds) {
      const key = this.known.get(id);
      if (key === undefined) unknown.push(id);
      else known.set(id, key);
    }
    return { known, unknown };
  }
}

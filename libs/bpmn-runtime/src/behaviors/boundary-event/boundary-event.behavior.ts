// Boundary event (timer, message, signal, error, escalation; interrupting or not). Its
// catch is held by the activity's token (src/catch/boundary-events.ts); when it fires the
// boundary is taken — the activity interrupted or a new token spawned — and the token that
// arrives here leaves by the boundary's outgoing flows.
//
// Non-interrupting boundaries stay armed while the activity runs: a repeating timer re-arms
// until its repetitions run out ("a reminder every 3 days while the task stays open"); a
// message or signal subscription is renewed under a new id (a duplicate delivery of the old
// id is then rejected, never taken twice). A date or duration timer fires once.
import { takeBoundary } from '../../catch/boundary-events.js';
import { consumeCatch, openCatch, rearmTimer } from '../../catch/catch-subscriptions.js';
import type { Behavior } from '../behavior.js';

export const boundaryEventBehavior: Behavior = {
  enter(execution, token, node) {
    execution.leave(token, node, node.outgoing);
  },
  trigger(execution, owner, node, entry, variables) {
    if (node.interrupting !== false) {
      consumeCatch(execution, owner, entry);
      takeBoundary(execution, owner, node, variables);
      return;
    }
    let failure: string | undefined;
    if (node.event?.kind === 'timer') {
      const rearmed = rearmTimer(execution, owner, entry, node);
      if (!rearmed.ok) failure = rearmed.message;
    } else {
      consumeCatch(execution, owner, entry);
      const renewed = openCatch(execution, owner, node);
      if (!renewed.ok) failure = renewed.message;
    }
    // The boundary cannot be armed again (its FEEL now fails): this firing still counts, and
    // its token waits at the boundary in the incident, so the failure is visible where it
    // happened; a retry enters the boundary and the token goes on. (Scheduled to enter as
    // well, it used to run on with the incident's fields, leaving an incident nobody could
    // retry or resolve.)
    const spawned = takeBoundary(execution, owner, node, variables, failure === undefined);
    if (failure !== undefined) execution.raiseIncident(spawned, failure);
  },
};

// Business-rule task: evaluates a rule set through the caller's `decide` (InterpretOptions —
// the interpreter stays pure: the engine finds, compiles and caches rule sets) with the
// variables visible in the token's scope as facts, writes the decision into the result
// variable and leaves. The result follows the rule for values given from outside (ARCHITECTURE
// §2.1.1): it updates the nearest scope, from the activity's enclosing scope outwards, that
// already has the variable, else the instance. A rule set that cannot be evaluated (unknown
// at run time, a failing evaluation) parks the token in an incident naming it; retrying the
// incident evaluates again.
import type { Behavior } from '../behavior.js';
import { tokenScope, visibleVariables } from '../../state/scope-variables.js';

export const businessRuleTaskBehavior: Behavior = {
  enter(execution, token, node) {
    const spec = node.businessRule;
    if (!spec) {
      execution.raiseIncident(token, `Business-rule task '${node.id}' has no rule set`);
      return;
    }
    if (!execution.applyInputs(token, node)) return;
    const facts = visibleVariables(execution.state, tokenScope(token));
    const outcome = execution.decideRuleSet(spec.ruleSet, facts);
    if (!outcome.ok) {
      execution.raiseIncident(token, `Rule set '${spec.ruleSet}' of '${node.id}' could not be evaluated: ${outcome.message}`);
      return;
    }
    execution.writeNearest(token.scopeId, { [spec.resultVariable]: outcome.value }, node.id);
    execution.completeActivity(token, node);
  },
};

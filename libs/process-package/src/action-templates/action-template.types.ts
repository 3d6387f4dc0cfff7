// The action-template format: a JSON document deployed like a rule set (`*.action.json`),
// versioned by `key`, and run by a service or send task (`stageflow:action="key"`). Its text
// fields are liquidjs templates over the variables the task sees.
import type { RuleAction } from '../rule-sets/rule-set.types.js';

export interface ActionTemplate {
  key: string;
  name: string;
  description?: string;
  action: RuleAction;
}

// JSON Schema of a contact plan's envelope. Each step's action is checked by the schema of its
// type (actionSchemas, shared with action templates and `actions` rule sets) so that an error
// names the field, e.g. `steps[1].action.title`.
import type { SchemaObject } from 'ajv';
import { actionSchemas } from '../rule-sets/rule-set.schema.js';

/**
 * Not steps: startContactPlan (a plan does not start plans), setVariables (a step is no
 * process step: no token waits to take the variables), and the record actions setRecordFields,
 * createRecord and createDocument (changing records is the process's, at its steps; a created id
 * would have no variable to go to, and a document no e-mail to name it). addActivity is a step: a
 * plan's call or meeting on the record.
 */
const notSteps = new Set(['startContactPlan', 'setVariables', 'setRecordFields', 'createRecord', 'createDocument']);
export const contactPlanStepActionTypes = Object.keys(actionSchemas).filter((type) => !notSteps.has(type));

/** A plan is worked by people over days or weeks; more steps than this is a mistake, not a plan. */
export const maxContactPlanSteps = 50;

/** The longest offset a step may have: one year (as for a message's time to live). */
export const maxContactPlanOffsetSeconds = 366 * 24 * 3600;

const key = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' };

export const contactPlanSchema: SchemaObject = {
  $id: 'https://stageflow.dev/schema/contact-plan.json',
  title: 'Contact plan',
  type: 'object',
  properties: {
    key: { ...key, description: 'Named by startContactPlan.plan; versions are made by deploying again.' },
    name: { type: 'string', minLength: 1, maxLength: 255 },
    description: { type: 'string', maxLength: 2000 },
    steps: {
      type: 'array',
      minItems: 1,
      maxItems: maxContactPlanSteps,
      items: {
        type: 'object',
        properties: {
          id: { ...key, description: 'Unique in the plan: part of the idempotency key of the step.' },
          offset: { type: 'string', minLength: 2, maxLength: 40, description: 'ISO 8601 duration after the plan starts, e.g. P2D; PT0S = at once.' },
          action: {
            type: 'object',
            properties: { type: { type: 'string', enum: contactPlanStepActionTypes } },
            required: ['type'],
          },
        },
        required: ['id', 'offset', 'action'],
        additionalProperties: false,
      },
    },
  },
  required: ['key', 'name', 'steps'],
  additionalProperties: false,
};

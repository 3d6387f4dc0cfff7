// JSON Schemas of the rule-set format. The envelope schema checks the document's shape; the
// per-kind result and per-type action schemas are applied by the validator to each rule's
// `result` (and the `fallback`), so every error names the exact place instead of a wall of
// oneOf alternatives. Operators, facts and values are checked in code (operator-signatures.ts).
import type { SchemaObject } from 'ajv';
import { recordActionSchemas } from '../record-actions/record-action.schema.js';

const id = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' };
const name = { type: 'string', minLength: 1, maxLength: 255 };
const template = { type: 'string', minLength: 1, maxLength: 20000 };

export const maxRules = 500;
export const maxConditionDepth = 10;
export const maxConditionsPerRule = 200;

export const ruleSetSchema: SchemaObject = {
  $id: 'https://stageflow.dev/schema/rule-set.json',
  title: 'Rule set',
  type: 'object',
  properties: {
    key: { ...id, description: 'Referenced from BPMN (stageflow:ruleSet); versions are made by deploying again.' },
    name,
    description: { type: 'string', maxLength: 2000 },
    kind: { type: 'string', enum: ['territory', 'assignment', 'classification', 'actions', 'exitCriteria'] },
    hitPolicy: { type: 'string', enum: ['first', 'all'] },
    facts: {
      type: 'object',
      description: 'Every fact the conditions use, with its type; $now (the evaluation instant, a date) needs no declaration.',
      propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$', maxLength: 100 },
      additionalProperties: { type: 'string', enum: ['string', 'number', 'boolean', 'date', 'array', 'object'] },
      maxProperties: 200,
    },
    rules: {
      type: 'array',
      maxItems: maxRules,
      items: {
        type: 'object',
        properties: {
          id,
          description: { type: 'string', maxLength: 2000 },
          priority: { type: 'integer', minimum: 1, maximum: 1000000, description: 'Higher runs first; 1 by default.' },
          conditions: { $ref: '#/definitions/condition' },
          result: { description: 'Shape decided by the rule set kind.' },
        },
        required: ['id', 'conditions', 'result'],
        additionalProperties: false,
      },
    },
    fallback: { description: 'The result when no rule matches; required for territory sets.' },
  },
  required: ['key', 'name', 'kind', 'hitPolicy', 'facts', 'rules'],
  additionalProperties: false,
  definitions: {
    condition: {
      type: 'object',
      description: "json-rules-engine's condition: exactly one of all, any, not, or fact + operator + value (+ path).",
      properties: {
        all: { type: 'array', minItems: 1, maxItems: 50, items: { $ref: '#/definitions/condition' } },
        any: { type: 'array', minItems: 1, maxItems: 50, items: { $ref: '#/definitions/condition' } },
        not: { $ref: '#/definitions/condition' },
        fact: { type: 'string', minLength: 1, maxLength: 100 },
        operator: { type: 'string', minLength: 1, maxLength: 50 },
        value: { description: 'Shape decided by the operator.' },
        path: {
          type: 'string',
          maxLength: 200,
          pattern: '^\\$(\\.[A-Za-z_][A-Za-z0-9_]*|\\[(0|[1-9][0-9]{0,5})\\])+$',
          description: 'Into an object or array fact: $.name, $.address.country, $.contacts[0].role.',
        },
      },
      additionalProperties: false,
    },
  },
};

const strategy = { type: 'string', enum: ['territoryOwner', 'roundRobin', 'leastOpenTasks', 'skillMatch', 'unsorted'] };
const skills = { type: 'array', items: name, maxItems: 50, uniqueItems: true };

export const territoryResultSchema: SchemaObject = {
  type: 'object',
  properties: {
    territory: name,
    team: name,
    owner: name,
    actions: { type: 'array', items: id, maxItems: 50, description: 'Keys of actions rule sets of this territory.' },
  },
  required: ['territory'],
  additionalProperties: false,
};

export const assignmentResultSchema: SchemaObject = {
  type: 'object',
  properties: { strategy, team: name, skills },
  required: ['strategy'],
  additionalProperties: false,
};

export const classificationResultSchema: SchemaObject = { type: 'object', minProperties: 1 };

/** A stage's exit criterion: why a move out of the stage is refused, and how to fix it. */
export const exitCriterionResultSchema: SchemaObject = {
  type: 'object',
  properties: {
    reason: { type: 'string', minLength: 1, maxLength: 500, description: 'Why the move is refused, for the seller.' },
    hint: { type: 'string', minLength: 1, maxLength: 500, description: 'How to fix it, in words.' },
    field: { type: 'string', minLength: 1, maxLength: 100, description: 'The record field (or process variable) to fill.' },
    task: { ...id, description: 'The element id of the task to finish first.' },
  },
  required: ['reason'],
  additionalProperties: false,
};

const actionSchema = (type: string, properties: Record<string, unknown>, required: string[]): SchemaObject => ({
  type: 'object',
  properties: { type: { const: type }, ...properties },
  required: ['type', ...required],
  additionalProperties: false,
});

export const actionSchemas: Readonly<Record<string, SchemaObject>> = {
  createTask: actionSchema(
    'createTask',
    {
      title: template,
      description: template,
      dueIn: { type: 'string', minLength: 2, maxLength: 40, description: 'ISO 8601 duration after the event, e.g. P2D.' },
      assignment: assignmentResultSchema,
    },
    ['title'],
  ),
  sendEmail: actionSchema(
    'sendEmail',
    {
      to: template,
      subject: template,
      body: template,
      template: id,
      attachments: { type: 'array', maxItems: 10, items: { type: 'string', minLength: 1, maxLength: 1000 } },
    },
    ['to', 'subject'],
  ),
  callWebhook: actionSchema('callWebhook', { url: template, body: template, secret: id }, ['url']),
  setVariables: actionSchema('setVariables', { variables: { type: 'object', minProperties: 1 } }, ['variables']),
  startProcess: actionSchema('startProcess', { processKey: id, variables: { type: 'object' }, businessKey: template }, ['processKey']),
  notifyUser: actionSchema('notifyUser', { user: template, message: template }, ['user', 'message']),
  startContactPlan: actionSchema('startContactPlan', { plan: template }, ['plan']),
  ...recordActionSchemas,
};

export const actionsResultSchema: SchemaObject = {
  type: 'object',
  properties: {
    on: { type: 'string', enum: ['processStarted', 'processEnded', 'stageEntered', 'stageLeft', 'taskCreated', 'taskOverdue', 'messageReceived'] },
    actions: {
      type: 'array',
      minItems: 1,
      maxItems: 50,
      items: {
        type: 'object',
        properties: { type: { type: 'string', enum: Object.keys(actionSchemas) } },
        required: ['type'],
      },
    },
  },
  required: ['on', 'actions'],
  additionalProperties: false,
};

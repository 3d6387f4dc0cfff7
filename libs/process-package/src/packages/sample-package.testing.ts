// A small valid package holding every resource kind, for specs of this lib and its users: each
// spec changes one file (withFile / withoutFile / withManifest) to show one problem.
import { bpmnProcess, sequenceFlowXml as flow } from '@stageflow/bpmn-runtime';
import type { PackageFile, PackageManifest } from './package.types.js';

const encoder = new TextEncoder();
const json = (value: unknown): string => JSON.stringify(value, null, 2);

export const sampleManifest: PackageManifest = {
  name: 'tender',
  version: '1.0.0',
  description: 'Public tenders: qualify, rate and notify',
  parameters: {
    type: 'object',
    properties: {
      slaHours: { type: 'integer', minimum: 1, maximum: 720, default: 24, title: 'SLA (hours)', description: 'Hours to qualify a tender', live: true },
      minScore: { type: 'number', default: 50, description: 'Score a tender needs to be pursued' },
      stages: { type: 'array', items: { type: 'string' }, default: ['Open', 'Bid'], description: 'The stages of a tender' },
    },
    required: ['slaHours'],
    additionalProperties: false,
  },
  recordTypes: { lead: { process: 'tender' } },
  resources: [
    'tender.bpmn',
    'rules/rating.rule-set.json',
    'rules/route.rule-set.json',
    'notify-team.action.json',
    'nurture.contact-plan.json',
    'mail/welcome.liquid',
    'mail/signature.liquid',
    'forms/qualify.form.json',
    'lead.fields.json',
  ],
};

export const sampleDiagram = bpmnProcess(
  `
  <bpmn:startEvent id="start"/>
  <bpmn:userTask id="qualify" stageflow:formKey="qualify" stageflow:assignment="route" stageflow:dueDate="= now() + duration(&quot;PT&quot; + string(params.slaHours) + &quot;H&quot;)"/>
  <bpmn:businessRuleTask id="rate" stageflow:ruleSet="rating" stageflow:resultVariable="rating"/>
  <bpmn:exclusiveGateway id="pursue" default="drop"/>
  <bpmn:serviceTask id="notify" stageflow:action="notify-team"/>
  <bpmn:endEvent id="end"/>
  ${flow('f1', 'start', 'qualify')}${flow('f2', 'qualify', 'rate')}${flow('f3', 'rate', 'pursue')}
  ${flow('go', 'pursue', 'notify', '= rating.score >= params.minScore')}${flow('drop', 'pursue', 'end')}${flow('f4', 'notify', 'end')}`,
  'tender',
);

const rating = {
  key: 'rating',
  name: 'Tender rating',
  kind: 'classification',
  hitPolicy: 'first',
  facts: { budget: 'number', params: 'object' },
  rules: [
    {
      id: 'big',
      conditions: {
        all: [
          { fact: 'budget', operator: 'greaterThan', value: 100000 },
          { fact: 'params', path: '$.minScore', operator: 'greaterThan', value: 0 },
        ],
      },
      result: { score: 90 },
    },
  ],
  fallback: { score: 10 },
};

const route = {
  key: 'route',
  name: 'Tender routing',
  kind: 'assignment',
  hitPolicy: 'first',
  facts: { region: 'string' },
  rules: [{ id: 'north', conditions: { all: [{ fact: 'region', operator: 'equal', value: 'north' }] }, result: { strategy: 'roundRobin', team: 'north' } }],
  fallback: { strategy: 'unsorted' },
};

const notifyTeam = {
  key: 'notify-team',
  name: 'Notify the tender team',
  action: { type: 'sendEmail', to: 'tenders@example.com', subject: 'Tender within {{ params.slaHours }} h', template: 'welcome' },
};

const nurture = {
  key: 'nurture',
  name: 'Nurture',
  steps: [{ id: 'hello', offset: 'P1D', action: { type: 'sendEmail', to: '{{ contact.email }}', subject: 'Hello', template: 'welcome' } }],
};

const qualifyForm = {
  title: 'Qualify the tender',
  type: 'object',
  properties: { budget: { type: 'number', minimum: 0, title: 'Budget' }, region: { type: 'string', enum: ['north', 'south'] } },
  required: ['budget'],
};

const leadFields = { type: 'object', properties: { tenderId: { type: 'string', title: 'Tender id', maxLength: 40 } } };

/** The sample package's files by path, as text. */
export function sampleTexts(): Record<string, string> {
  return {
    'manifest.json': json(sampleManifest),
    'tender.bpmn': sampleDiagram,
    'rules/rating.rule-set.json': json(rating),
    'rules/route.rule-set.json': json(route),
    'notify-team.action.json': json(notifyTeam),
    'nurture.contact-plan.json': json(nurture),
    'mail/welcome.liquid': 'Hello, a tender to qualify within {{ params.slaHours }} hours.\n{% include "signature" %}',
    'mail/signature.liquid': '-- The tender team',
    'forms/qualify.form.json': json(qualifyForm),
    'lead.fields.json': json(leadFields),
  };
}

/** Package files from texts by path. */
export function packageFiles(texts: Record<string, string>): PackageFile[] {
  return Object.entries(texts).map(([path, text]) => ({ path, content: encoder.encode(text) }));
}

/** The sample package with `changes` applied: a text replaces or adds a file, undefined removes it. */
export function samplePackage(changes: Record<string, string | undefined> = {}): PackageFile[] {
  const texts: Record<string, string | undefined> = { ...sampleTexts(), ...changes };
  return packageFiles(Object.fromEntries(Object.entries(texts).filter((entry): entry is [string, string] => entry[1] !== undefined)));
}

/** The sample manifest with `changes` merged, as manifest.json text. */
export function manifestWith(changes: Partial<Record<keyof PackageManifest, unknown>>): string {
  return json({ ...sampleManifest, ...changes });
}

// Small process packages for the packages API suites, zipped as `stageflow pack` zips them.
import { bpmnProcess, sequenceFlowXml as flow } from '@stageflow/bpmn-runtime';
import { packPackage } from '@stageflow/process-package';

const encoder = new TextEncoder();

/**
 * The `tender` process: start -> "review" (its outputs: the parameters as the instance sees them
 * when the task completes) -> gateway (amount > params.limit: "bigTender", else "smallTender").
 * `extraTask` puts one more task before the end (another content of the process).
 */
export function tenderDiagram(options: { extraTask?: boolean; key?: string; rated?: boolean } = {}): string {
  // rated: a business-rule task first, whose rule set reads the fact params (its result in `limitClass`).
  const start = options.rated
    ? `<bpmn:startEvent id="start"/><bpmn:businessRuleTask id="rate" stageflow:ruleSet="${options.key}_limit" stageflow:resultVariable="limitClass"/>${flow('f0', 'start', 'rate')}`
    : '<bpmn:startEvent id="start"/>';
  return bpmnProcess(
    `
    ${start}
    <bpmn:userTask id="review" name="Review">
      <bpmn:extensionElements>
        <stageflow:ioMapping>
          <stageflow:output source="= params.limit" target="limitSeen"/>
          <stageflow:output source="= params.slaHours" target="slaSeen"/>
        </stageflow:ioMapping>
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:exclusiveGateway id="size" default="toSmall"/>
    <bpmn:userTask id="bigTender"/>
    <bpmn:userTask id="smallTender"/>
    ${options.extraTask ? '<bpmn:userTask id="archive"/>' : ''}
    <bpmn:endEvent id="end"/>
    ${flow('f1', options.rated ? 'rate' : 'start', 'review')}
    ${flow('f2', 'review', 'size')}
    ${flow('toBig', 'size', 'bigTender', '= amount > params.limit')}
    ${flow('toSmall', 'size', 'smallTender')}
    ${options.extraTask ? `${flow('f3', 'bigTender', 'archive')}${flow('f4', 'smallTender', 'archive')}${flow('f5', 'archive', 'end')}` : `${flow('f3', 'bigTender', 'end')}${flow('f4', 'smallTender', 'end')}`}`,
    options.key ?? 'tender',
  );
}

/** A classification rule set on the fact params: {size: "low"} while params.limit < 200, else {size: "high"}. */
export function limitRuleSet(key: string): string {
  return JSON.stringify({
    key,
    name: 'Tender limit',
    kind: 'classification',
    hitPolicy: 'first',
    facts: { params: 'object' },
    rules: [{ id: 'low', conditions: { all: [{ fact: 'params', path: '$.limit', operator: 'lessThan', value: 200 }] }, result: { size: 'low' } }],
    fallback: { size: 'high' },
  });
}

export interface TenderPackage {
  /** The package's name and its process's key (default tender). */
  name?: string;
  /** A business-rule task whose rule set reads params (see tenderDiagram). */
  rated?: boolean;
  version?: string;
  description?: string;
  extraTask?: boolean;
  /** More parameters (name -> schema with default and description). */
  parameters?: Record<string, object>;
  recordTypes?: Record<string, { process: string }>;
  /** Files beside the diagram (listed in the manifest). */
  files?: Record<string, string>;
}

/** The `tender` package: parameters limit (default 100) and slaHours (live, default 24), the tender diagram. */
export function tenderPackage(options: TenderPackage = {}): Uint8Array {
  const name = options.name ?? 'tender';
  const files: Record<string, string> = {
    [`${name}.bpmn`]: tenderDiagram({ ...options, key: name }),
    ...(options.rated ? { 'rules/limit.rule-set.json': limitRuleSet(`${name}_limit`) } : {}),
    ...options.files,
  };
  const manifest = {
    name,
    version: options.version ?? '1.0.0',
    description: options.description ?? 'Public tenders',
    parameters: {
      type: 'object',
      properties: {
        limit: { type: 'integer', minimum: 0, default: 100, description: 'Amount above which a tender is big' },
        slaHours: { type: 'integer', minimum: 1, maximum: 720, default: 24, description: 'Hours to review a tender', live: true },
        ...options.parameters,
      },
      required: ['limit'],
      additionalProperties: false,
    },
    ...(options.recordTypes ? { recordTypes: options.recordTypes } : {}),
    resources: Object.keys(files),
  };
  return packPackage(
    [['manifest.json', JSON.stringify(manifest, null, 2)], ...Object.entries(files)].map(([path, content]) => ({
      path: path!,
      content: encoder.encode(content),
    })),
  );
}

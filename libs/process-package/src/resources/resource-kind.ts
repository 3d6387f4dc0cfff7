// The one place that knows which files a deployment may hold, by name. Later issues add
// templates and forms here, and every caller follows.

/** What a deployment resource is, decided by its name. */
export type ResourceKind = 'bpmn' | 'rule-set';

/** File-name endings and the kind each one means; matched case-insensitively. */
export const resourceSuffixes: ReadonlyArray<{ suffix: string; kind: ResourceKind }> = [
  { suffix: '.bpmn20.xml', kind: 'bpmn' },
  { suffix: '.bpmn', kind: 'bpmn' },
  { suffix: '.rule-set.json', kind: 'rule-set' },
];

/** The kind of a deployment resource by its file name, or `undefined` when it is not one we deploy. */
export function resourceKind(name: string): ResourceKind | undefined {
  const lower = name.toLowerCase();
  return resourceSuffixes.find(({ suffix }) => lower.endsWith(suffix) && lower.length > suffix.length)?.kind;
}

/** `.bpmn20.xml, .bpmn or .rule-set.json`: the accepted endings, for messages. */
export function describeResourceSuffixes(): string {
  const suffixes = resourceSuffixes.map(({ suffix }) => suffix);
  const last = suffixes[suffixes.length - 1];
  return suffixes.length === 1 ? last : `${suffixes.slice(0, -1).join(', ')} or ${last}`;
}

// The one place that knows which files a deployment may hold, by name: diagrams, rule sets,
// action templates, contact plans, liquid templates, custom-field schemas and task forms. A new
// kind is added here, and every caller follows.

/** What a deployment resource is, decided by its name. */
export type ResourceKind = 'bpmn' | 'rule-set' | 'action-template' | 'contact-plan' | 'template' | 'custom-fields' | 'form';

/** File-name endings and the kind each one means; matched case-insensitively. */
export const resourceSuffixes: ReadonlyArray<{ suffix: string; kind: ResourceKind }> = [
  { suffix: '.bpmn20.xml', kind: 'bpmn' },
  { suffix: '.bpmn', kind: 'bpmn' },
  { suffix: '.rule-set.json', kind: 'rule-set' },
  { suffix: '.action.json', kind: 'action-template' },
  { suffix: '.contact-plan.json', kind: 'contact-plan' },
  { suffix: '.liquid', kind: 'template' },
  { suffix: '.fields.json', kind: 'custom-fields' },
  { suffix: '.form.json', kind: 'form' },
];

/** The key of a named resource: same characters as a rule-set or action-template key. */
const RESOURCE_KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

/** The file name of `resourceName` without folders and without `suffix`, when that is a key and the name has that kind. */
function keyOfFile(resourceName: string, kind: ResourceKind, suffix: string): string | undefined {
  const base = resourceName.slice(resourceName.lastIndexOf('/') + 1);
  const key = base.slice(0, base.length - suffix.length);
  return resourceKind(base) === kind && RESOURCE_KEY.test(key) ? key : undefined;
}

/**
 * The name a `.liquid` resource is known by (`sendEmail.template`, `{% include "name" %}`):
 * its file name without folders and without `.liquid` (`mail/offer-mail.liquid` -> `offer-mail`);
 * undefined when that is not a key (letters, digits, _ . -; at most 100 characters).
 */
export function templateKey(resourceName: string): string | undefined {
  return keyOfFile(resourceName, 'template', '.liquid');
}

/**
 * The key a `.form.json` resource is known by (`stageflow:formKey`, `GET /forms/{key}`): its file
 * name without folders and without `.form.json` (`forms/first-contact.form.json` -> `first-contact`);
 * undefined when that is not a key (letters, digits, _ . -; at most 100 characters).
 */
export function formKey(resourceName: string): string | undefined {
  return keyOfFile(resourceName, 'form', '.form.json');
}

/** The kind of a deployment resource by its file name, or `undefined` when it is not one we deploy. */
export function resourceKind(name: string): ResourceKind | undefined {
  const lower = name.toLowerCase();
  return resourceSuffixes.find(({ suffix }) => lower.endsWith(suffix) && lower.length > suffix.length)?.kind;
}

/** `.bpmn20.xml, .bpmn, .rule-set.json, .action.json, .contact-plan.json, .liquid, .fields.json or .form.json`: the accepted endings, for messages. */
export function describeResourceSuffixes(): string {
  const suffixes = resourceSuffixes.map(({ suffix }) => suffix);
  const last = suffixes[suffixes.length - 1];
  return suffixes.length === 1 ? last : `${suffixes.slice(0, -1).join(', ')} or ${last}`;
}

// A package checked as a whole, the one implementation the engine's packages API and the CLI
// share: the files (paths, limits, what the manifest lists), the manifest, every resource by the
// validator of its kind (diagrams compiled by @stageflow/bpmn-runtime), and the cross references
// inside the package (package-references.ts). Every problem of every file is listed at once.
// Liquid templates are checked here for what they name; the engine's deployment also parses
// them with liquidjs (@stageflow/rules), which this lib does not load.
import { compileBpmn, type ProcessGraph } from '@stageflow/bpmn-runtime';
import { actionTemplateDeploymentProblems, parseActionTemplate } from '../action-templates/action-template.validator.js';
import type { ActionTemplate } from '../action-templates/action-template.types.js';
import { contactPlanDeploymentProblems, parseContactPlan } from '../contact-plans/contact-plan.validator.js';
import type { ContactPlan } from '../contact-plans/contact-plan.types.js';
import { customFieldRecordTypes, customFieldsDeploymentProblems, customFieldsKey, parseCustomFieldSchema } from '../custom-fields/custom-fields.js';
import type { DeploymentProblem } from '../deployment/deployment-problem.js';
import type { DeploymentResource } from '../deployment/deployment-resources.js';
import { conflictsWithinDeployment, messageStarts } from '../deployment/message-start-conflicts.js';
import { parseTaskForm, taskFormDeploymentProblems } from '../forms/task-form.js';
import { describeResourceSuffixes, formKey, resourceKind, templateKey } from '../resources/resource-kind.js';
import type { RuleSet } from '../rule-sets/rule-set.types.js';
import { parseRuleSet, ruleSetDeploymentProblems } from '../rule-sets/rule-set.validator.js';
import type { ValidationIssue } from '../validation/validation-issue.js';
import { ARCHIVE_RESOURCE, MANIFEST_FILE, packageLimits } from './package-limits.js';
import { liveParameters, parameterDefaults } from './package-parameters.js';
import { packagePathProblem } from './package-paths.js';
import { packageReferenceProblems, type PackageContents } from './package-references.js';
import type { PackageFile, PackageManifest, ValidatedPackage } from './package.types.js';
import { parseManifest } from './parse-manifest.js';

export type PackageValidation = { ok: true; package: ValidatedPackage } | { ok: false; problems: DeploymentProblem[] };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function text(file: PackageFile): string | undefined {
  try {
    return utf8.decode(file.content);
  } catch {
    return undefined;
  }
}

function manifestProblems(issues: readonly ValidationIssue[]): DeploymentProblem[] {
  return issues.map(({ path, message }) => ({ resource: MANIFEST_FILE, path, message: path === '' ? `the manifest ${message}` : `${path} ${message}` }));
}

/** Checks a package (a folder's files, or an unpacked zip's) as a whole. */
export async function validatePackage(files: PackageFile[]): Promise<PackageValidation> {
  const problems: DeploymentProblem[] = [...fileProblems(files)];
  const byPath = new Map(files.map((file) => [file.path, file]));

  let manifest: PackageManifest | undefined;
  const manifestFile = byPath.get(MANIFEST_FILE);
  if (manifestFile === undefined) problems.push({ resource: MANIFEST_FILE, message: 'is missing: a package has manifest.json at its root' });
  else {
    const source = text(manifestFile);
    const parsed = source === undefined ? undefined : parseManifest(source);
    if (parsed === undefined) problems.push({ resource: MANIFEST_FILE, message: 'is not UTF-8 text' });
    else if (!parsed.ok) problems.push(...manifestProblems(parsed.problems));
    else manifest = parsed.manifest;
  }
  if (manifest !== undefined) problems.push(...listingProblems(manifest, byPath));

  const contents: PackageContents = {
    diagrams: [],
    ruleSets: new Map(),
    actionTemplates: new Map(),
    contactPlans: new Map(),
    templates: new Map(),
    forms: new Map(),
  };
  const resources: DeploymentResource[] = [];
  const processFiles = new Map<string, string>();
  for (const file of files) {
    if (file.path === MANIFEST_FILE || packagePathProblem(file.path) !== undefined) continue;
    const kind = resourceKind(file.path);
    if (kind === undefined) {
      problems.push({ resource: file.path, message: `is not a resource a package can hold: the name must end with ${describeResourceSuffixes()}` });
      continue;
    }
    const content = text(file);
    if (content === undefined) {
      problems.push({ resource: file.path, message: 'is not UTF-8 text' });
      continue;
    }
    resources.push({ name: file.path, content });
    const resource = file.path;
    const duplicate = (map: Map<string, { resource: string }>, key: string, what: string): boolean => {
      const other = map.get(key);
      if (other !== undefined) problems.push({ resource, message: `${what} "${key}" is also defined in ${other.resource}` });
      return other !== undefined;
    };
    switch (kind) {
      case 'bpmn': {
        const compiled = await compileDiagram(content);
        if (!compiled.ok) {
          problems.push(...compiled.problems.map((problem) => ({ resource, ...problem })));
          break;
        }
        for (const graph of compiled.processes) {
          const other = processFiles.get(graph.id);
          if (other !== undefined) problems.push({ resource, elementId: graph.id, message: `process id "${graph.id}" is also defined in ${other}` });
          processFiles.set(graph.id, resource);
        }
        contents.diagrams.push({ resource, processes: compiled.processes });
        break;
      }
      case 'rule-set': {
        const parsed = parseRuleSet(content);
        if (!parsed.ok) problems.push(...ruleSetDeploymentProblems(resource, parsed.problems));
        else if (!duplicate(contents.ruleSets, parsed.ruleSet.key, 'rule set key'))
          contents.ruleSets.set(parsed.ruleSet.key, { resource, ruleSet: parsed.ruleSet as RuleSet });
        break;
      }
      case 'action-template': {
        const parsed = parseActionTemplate(content);
        if (!parsed.ok) problems.push(...actionTemplateDeploymentProblems(resource, parsed.problems));
        else if (!duplicate(contents.actionTemplates, parsed.template.key, 'action template key'))
          contents.actionTemplates.set(parsed.template.key, { resource, template: parsed.template as ActionTemplate });
        break;
      }
      case 'contact-plan': {
        const parsed = parseContactPlan(content);
        if (!parsed.ok) problems.push(...contactPlanDeploymentProblems(resource, parsed.problems));
        else if (!duplicate(contents.contactPlans, parsed.plan.key, 'contact plan key'))
          contents.contactPlans.set(parsed.plan.key, { resource, plan: parsed.plan as ContactPlan });
        break;
      }
      case 'template': {
        const key = templateKey(resource);
        if (key === undefined)
          problems.push({
            resource,
            message: 'the file name (without folders and .liquid) must be a template key: letters, digits, _ . - (at most 100 characters)',
          });
        else if (!duplicate(contents.templates, key, 'template')) contents.templates.set(key, { resource, content });
        break;
      }
      case 'custom-fields': {
        const key = customFieldsKey(resource);
        if (!(customFieldRecordTypes as readonly string[]).includes(key)) {
          problems.push({
            resource,
            message: `"${key}" is not a record type (the file name must be one of ${customFieldRecordTypes.map((type) => `${type}.fields.json`).join(', ')})`,
          });
          break;
        }
        const parsed = parseCustomFieldSchema(content);
        if (!parsed.ok) problems.push(...customFieldsDeploymentProblems(resource, parsed.problems));
        break;
      }
      case 'form': {
        const key = formKey(resource);
        if (key === undefined) {
          problems.push({
            resource,
            message: 'the file name (without folders and .form.json) must be a form key: letters, digits, _ . - (at most 100 characters)',
          });
          break;
        }
        const parsed = parseTaskForm(content);
        if (!parsed.ok) problems.push(...taskFormDeploymentProblems(resource, parsed.problems));
        else if (!duplicate(contents.forms, key, 'form')) contents.forms.set(key, { resource });
        break;
      }
    }
  }
  problems.push(...duplicateRecordTypeProblems(files));
  problems.push(...packageReferenceProblems(contents, manifest));
  problems.push(...conflictsWithinDeployment(messageStarts(contents.diagrams)));
  if (problems.length > 0 || manifest === undefined) return { ok: false, problems };
  const order = new Map(manifest.resources.map((path, index) => [path, index]));
  resources.sort((a, b) => order.get(a.name)! - order.get(b.name)!);
  return {
    ok: true,
    package: { manifest, resources, parameterDefaults: parameterDefaults(manifest), liveParameters: liveParameters(manifest) },
  };
}

async function compileDiagram(
  content: string,
): Promise<{ ok: true; processes: ProcessGraph[] } | { ok: false; problems: { elementId?: string; message: string }[] }> {
  try {
    return await compileBpmn(content);
  } catch (error) {
    return { ok: false, problems: [{ message: `cannot be compiled: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

/** The files themselves: limits, paths, and paths that differ only in case (one file on macOS and Windows). */
function fileProblems(files: readonly PackageFile[]): DeploymentProblem[] {
  const problems: DeploymentProblem[] = [];
  if (files.length > packageLimits.maxFiles)
    problems.push({ resource: ARCHIVE_RESOURCE, message: `holds ${files.length} files; a package may have at most ${packageLimits.maxFiles}` });
  const total = files.reduce((sum, file) => sum + file.content.length, 0);
  if (total > packageLimits.maxUnpackedBytes)
    problems.push({ resource: ARCHIVE_RESOURCE, message: `holds ${total} bytes; a package may have at most ${packageLimits.maxUnpackedBytes} bytes` });
  const seen = new Map<string, string>();
  for (const file of files) {
    const problem = packagePathProblem(file.path);
    if (problem !== undefined) {
      problems.push({ resource: file.path, message: problem });
      continue;
    }
    const other = seen.get(file.path.toLowerCase());
    if (other === file.path) problems.push({ resource: file.path, message: 'is in the package twice' });
    else if (other !== undefined) problems.push({ resource: file.path, message: `differs from ${other} only in upper and lower case` });
    else seen.set(file.path.toLowerCase(), file.path);
  }
  return problems;
}

/** manifest.json's `resources` against the files: each file listed exactly once, each listed file there. */
function listingProblems(manifest: PackageManifest, byPath: ReadonlyMap<string, PackageFile>): DeploymentProblem[] {
  const problems: DeploymentProblem[] = [];
  const listed = new Set<string>();
  manifest.resources.forEach((path, index) => {
    const where = { resource: MANIFEST_FILE, path: `resources[${index}]` };
    const pathProblem = packagePathProblem(path);
    if (pathProblem !== undefined) problems.push({ ...where, message: `resources[${index}] "${path}" ${pathProblem}` });
    else if (path === MANIFEST_FILE) problems.push({ ...where, message: `resources[${index}] lists ${MANIFEST_FILE} itself; list only the other files` });
    else if (listed.has(path)) problems.push({ ...where, message: `resources[${index}] lists "${path}" a second time` });
    else if (!byPath.has(path)) problems.push({ resource: path, message: `is listed in ${MANIFEST_FILE} (resources[${index}]) but is not in the package` });
    listed.add(path);
  });
  for (const path of byPath.keys()) {
    if (path !== MANIFEST_FILE && !listed.has(path) && packagePathProblem(path) === undefined)
      problems.push({ resource: path, message: `is in the package but not listed in ${MANIFEST_FILE} resources` });
  }
  return problems;
}

/** Two custom-field schemas for one record type (`lead.fields.json` in two folders). */
function duplicateRecordTypeProblems(files: readonly PackageFile[]): DeploymentProblem[] {
  const byType = new Map<string, string>();
  const problems: DeploymentProblem[] = [];
  for (const file of files) {
    if (resourceKind(file.path) !== 'custom-fields' || packagePathProblem(file.path) !== undefined) continue;
    const key = customFieldsKey(file.path);
    const other = byType.get(key);
    if (other !== undefined) problems.push({ resource: file.path, message: `the custom fields of ${key} are also defined in ${other}` });
    else byType.set(key, file.path);
  }
  return problems;
}

// The `.fields.json` resources of a deployment: each a JSON Schema of one record type's custom
// fields (`organization.fields.json`), checked here (parseCustomFieldSchema: an object of simple
// property types within limits) and versioned like the other resources, one key per record type.
// The CRM owns their table and the record types: it registers its store in
// CustomFieldSchemaStores, so process/ never imports crm/. With no store registered (an engine
// without the CRM), a deployment holding one is refused.
import { Injectable } from '@nestjs/common';
import {
  customFieldsDeploymentProblems,
  customFieldsKey,
  parseCustomFieldSchema,
  resourceKind,
  type DeploymentProblem,
  type DeploymentRequest,
} from '@stageflow/process-package';
import { VersionsByKey, type VersionedResource, type VersionStore } from './versioned-resources.js';

/** The repository of the custom-field schemas, with the record types a schema may be deployed for. */
export interface CustomFieldSchemaStore extends VersionStore {
  readonly recordTypes: readonly string[];
}

/** The port the CRM fills with its store of custom-field schemas. */
@Injectable()
export class CustomFieldSchemaStores {
  private store: CustomFieldSchemaStore | undefined;

  register(store: CustomFieldSchemaStore): void {
    this.store = store;
  }

  registered(): CustomFieldSchemaStore | undefined {
    return this.store;
  }
}

export function parseCustomFieldResources(
  request: DeploymentRequest,
  store: CustomFieldSchemaStore | undefined,
  problems: DeploymentProblem[],
): VersionedResource[] {
  const parsed = new VersionsByKey();
  for (const resource of request.resources) {
    if (resourceKind(resource.name) !== 'custom-fields') continue;
    const key = customFieldsKey(resource.name);
    if (!store) {
      problems.push({ resource: resource.name, message: 'custom fields need the CRM, which this engine does not run' });
      continue;
    }
    if (!store.recordTypes.includes(key)) {
      problems.push({
        resource: resource.name,
        message: `"${key}" is not a record type (the file name must be one of ${store.recordTypes.map((type) => `${type}.fields.json`).join(', ')})`,
      });
      continue;
    }
    const result = parseCustomFieldSchema(resource.content);
    if (!result.ok) {
      problems.push(...customFieldsDeploymentProblems(resource.name, result.problems));
      continue;
    }
    parsed.add(
      { key, name: result.schema.title ?? null, resource: resource.name, content: JSON.stringify(result.schema) },
      resource.content,
      problems,
      (other) => ({
        resource: resource.name,
        message: `the custom fields of ${key} are also defined in ${other}`,
      }),
    );
  }
  return parsed.versions;
}

// Which version of a form a task uses: the LATEST version of its key (as for rule sets and action
// templates: an analyst changes a form without redeploying the processes), read when the task is
// shown and when it is completed. Versions are immutable: documents and their compiled checks are
// kept by version id, so only "which id is latest" is read per use.
import { Injectable } from '@nestjs/common';
import { compileTaskForm, type TaskFormSchema, type ValidationIssue } from '@stageflow/process-package';
import { TaskFormsRepository } from './task-forms.repository.js';

const MAX_CACHED = 500;

export interface TaskFormVersion {
  id: string;
  key: string;
  version: number;
  schema: TaskFormSchema;
  /** The issues of a completion's variables (paths below `variables`); `[]` when they satisfy the form. */
  check: (variables: unknown) => ValidationIssue[];
}

@Injectable()
export class TaskFormVersions {
  private readonly compiled = new Map<string, Omit<TaskFormVersion, 'version'>>();

  constructor(private readonly forms: TaskFormsRepository) {}

  /** The latest version of `key`, or undefined when none is deployed. */
  async latest(key: string): Promise<TaskFormVersion | undefined> {
    const ref = await this.forms.latestRef(key);
    if (!ref) return undefined;
    let form = this.compiled.get(ref.id);
    if (form === undefined) {
      const schema = await this.forms.content(ref.id);
      if (schema === undefined) return undefined;
      form = { id: ref.id, key, schema, check: compileTaskForm(schema) };
      if (this.compiled.size >= MAX_CACHED) this.compiled.delete(this.compiled.keys().next().value as string);
      this.compiled.set(ref.id, form);
    }
    return { ...form, version: ref.version };
  }
}

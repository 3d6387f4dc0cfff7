// GET /api/v1/forms/{key}: the latest version of a task form (`<key>.form.json`), and the form a
// task view carries so the web app can render it; GET /api/v1/forms: the latest version of every
// form, without its schema (the modeler's form picker); POST /api/v1/forms/{key}/validate: the issues a
// completion with these variables would be refused with (the web app's check as the seller types).
import { anyObject, array, described, instant, integer, list, named, nullable, object, string, uuid, type PropertiesOf } from '../schemas/json-schema.js';

/** A deployed version of a task form. */
export interface TaskFormView {
  id: string;
  key: string;
  version: number;
  /** The form's `title`. */
  name: string | null;
  resourceName: string;
  deploymentId: string;
  createdAt: string;
  /** The JSON Schema (draft 2020-12) of the object the task completes with. */
  schema: Record<string, unknown>;
}

/** A form's latest version as GET /forms lists it: the view without its schema. */
export type TaskFormSummaryView = Omit<TaskFormView, 'schema'>;

/** The form of a task (its stageflow:formKey), latest version. */
export interface TaskFormRef {
  key: string;
  version: number;
  schema: Record<string, unknown>;
}

const formSchemaProperty = described(
  anyObject,
  'The JSON Schema (draft 2020-12) of the object the task completes with: one field per property, title as label (docs/packages.md#task-forms).',
);

const formProperties: PropertiesOf<TaskFormView> = {
  id: uuid,
  key: string,
  version: integer,
  name: nullable(described(string, "The form's title.")),
  resourceName: string,
  deploymentId: uuid,
  createdAt: instant,
  schema: formSchemaProperty,
};

export const taskFormSchema = named<TaskFormView>('task-form', formProperties);

const { schema: _schema, ...summaryProperties } = formProperties;

export const taskFormSummarySchema = named<TaskFormSummaryView>('task-form-summary', summaryProperties);

export const taskFormListSchema = list('task-form-list', taskFormSummarySchema);

export const taskFormRefSchema = described(
  nullable(object<TaskFormRef>({ key: string, version: integer, schema: formSchemaProperty })),
  "The task's form (its stageflow:formKey, latest deployed version), which a completion's variables must satisfy; null when the task names no deployed form.",
);

/** The answer of POST /forms/{key}/validate: what a completion with these variables would be refused with; none when accepted. */
export interface TaskFormValidationView {
  /** Each names its field below `variables` (`variables.budget`), as the 400 of POST /tasks/{id}/complete does. */
  issues: Array<{ path: string; message: string }>;
}

export const taskFormValidationSchema = named<TaskFormValidationView>('task-form-validation', {
  issues: array(object<{ path: string; message: string }>({ path: string, message: string }), {
    description:
      'What POST /tasks/{id}/complete would refuse these variables for, each naming its field (variables.budget), checked against the latest version of the form; empty when it would accept them.',
  }),
});

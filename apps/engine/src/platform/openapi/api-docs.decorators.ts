// Decorators that name the API's schemas (api-schemas.ts) on an operation: its JSON body, its
// success response and the error statuses it answers with.
import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiExtension, ApiResponse } from '@nestjs/swagger';
import type { ApiSchemaName } from './api-schemas.js';

/** Marks an operation whose multipart/form-data body has its own schema (openapi-document.ts applies it). */
export const MULTIPART_SCHEMA_EXTENSION = 'x-stageflow-multipart-schema';

export function schemaRef(name: ApiSchemaName): { $ref: string } {
  return { $ref: `#/components/schemas/${name}` };
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad input: `details` lists every problem as {path, message}',
  401: 'No valid access token',
  403: 'The role does not allow it',
  404: 'Not found',
  409: 'Conflict: no longer in a state that allows it',
  413: 'Payload too large',
  422: 'Invalid definition: `details` lists every problem as {resource, elementId, message}',
};

/** The request body: the JSON schema `name` (and, for uploads, a multipart schema). */
export function ApiJsonBody(name: ApiSchemaName, options: { multipart?: ApiSchemaName } = {}): MethodDecorator {
  const decorators: MethodDecorator[] = [ApiBody({ schema: schemaRef(name) })];
  if (options.multipart) decorators.push(ApiExtension(MULTIPART_SCHEMA_EXTENSION, { schema: options.multipart }));
  return applyDecorators(...decorators);
}

/** The success response `status` with the schema `name`, and the error responses (schema Error). */
export function ApiResult(status: number, name: ApiSchemaName, errors: readonly number[] = [], description = 'OK'): MethodDecorator {
  return applyDecorators(
    ApiResponse({ status, description, schema: schemaRef(name) }),
    ...errors.map((code) => ApiResponse({ status: code, description: ERROR_DESCRIPTIONS[code] ?? 'Error', schema: schemaRef('Error') })),
  );
}

/** A success without a body (204), and the error responses. */
export function ApiNoContent(errors: readonly number[] = [], description = 'Done'): MethodDecorator {
  return applyDecorators(
    ApiResponse({ status: 204, description }),
    ...errors.map((code) => ApiResponse({ status: code, description: ERROR_DESCRIPTIONS[code] ?? 'Error', schema: schemaRef('Error') })),
  );
}

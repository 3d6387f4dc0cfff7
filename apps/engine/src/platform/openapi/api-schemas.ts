// The named schemas of the API's OpenAPI document (components/schemas), generated from
// @stageflow/api-contract: the request schemas its validators use and the response schemas
// with their types. Change a body or an answer there, not here.
import type { SchemaObject } from '@nestjs/swagger';
import { apiContractSchemas, type ApiContractSchemaName } from '@stageflow/api-contract';
import { openApiSchemas } from './request-schema.js';

export type ApiSchemaName = ApiContractSchemaName;

export const apiSchemas: Record<ApiSchemaName, SchemaObject> = openApiSchemas(apiContractSchemas);

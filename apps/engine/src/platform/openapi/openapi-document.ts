// The OpenAPI document served at /api/docs (JSON at /api/docs-json): the operations Nest finds,
// the named schemas of api-schemas.ts, and the bearer scheme every operation but login and
// health requires.
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { apiSchemas, type ApiSchemaName } from './api-schemas.js';
import { MULTIPART_SCHEMA_EXTENSION, schemaRef } from './api-docs.decorators.js';

/** Gives operations marked by ApiJsonBody({multipart}) their own multipart/form-data schema. */
function applyMultipartSchemas(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.put, item.post, item.delete, item.patch]) {
      if (!operation) continue;
      const extensions = operation as unknown as Record<string, unknown>;
      const marker = extensions[MULTIPART_SCHEMA_EXTENSION] as { schema: ApiSchemaName } | undefined;
      if (!marker) continue;
      delete extensions[MULTIPART_SCHEMA_EXTENSION];
      const body = operation.requestBody;
      if (body && 'content' in body) body.content['multipart/form-data'] = { schema: schemaRef(marker.schema) };
    }
  }
}

export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Stageflow engine API')
      .setDescription('Deploy BPMN processes, run instances and work their tasks. Errors are {error, message, details}.')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An access token from POST /api/v1/auth/login, or an API token.' })
      .build(),
  );
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...apiSchemas } };
  applyMultipartSchemas(document);
  return document;
}

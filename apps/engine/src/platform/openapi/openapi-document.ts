// The OpenAPI document served at /api/docs (JSON at /api/docs-json): the operations Nest finds,
// the named schemas of api-schemas.ts, and the bearer scheme every operation but login and
// health requires, with the browser session's cookie as the alternative to it.
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

/** The security scheme of the browser session's cookie (POST /auth/session). */
const SESSION_SCHEME = 'session';

/** Every operation that takes the bearer header takes the session cookie instead (AuthGuard). */
function addSessionAlternative(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.put, item.post, item.delete, item.patch]) {
      // A new array: Nest shares one between the operations of a controller.
      if (operation?.security?.some((requirement) => 'bearer' in requirement)) operation.security = [...operation.security, { [SESSION_SCHEME]: [] }];
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
      .addCookieAuth(
        'stageflow_session',
        {
          type: 'apiKey',
          description: 'The browser session from POST /api/v1/auth/session. Writes (POST, PUT, PATCH, DELETE) need the header X-CSRF-Token with its csrfToken.',
        },
        SESSION_SCHEME,
      )
      .build(),
  );
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...apiSchemas } };
  applyMultipartSchemas(document);
  addSessionAlternative(document);
  return document;
}

import { completeTaskRequestSchema } from './complete-task-request.schema.js';
import { deploymentRequestSchema } from './deployment-request.schema.js';
import { loginRequestSchema } from './login-request.schema.js';
import { startInstanceRequestSchema } from './start-instance-request.schema.js';
import { publishMessageRequestSchema } from './publish-message-request.schema.js';
import { broadcastSignalRequestSchema } from './broadcast-signal-request.schema.js';
import { editInstanceVariablesRequestSchema } from './edit-instance-variables-request.schema.js';

const schemas = {
  deploymentRequestSchema,
  startInstanceRequestSchema,
  completeTaskRequestSchema,
  loginRequestSchema,
  publishMessageRequestSchema,
  broadcastSignalRequestSchema,
  editInstanceVariablesRequestSchema,
};

describe('request schemas', () => {
  describe.each(Object.entries(schemas))('given %s', (_, schema) => {
    it('then it is plain JSON that survives a JSON round trip (for OpenAPI and schema export)', () => {
      expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    });

    it('then it has a stageflow $id and refuses unknown properties', () => {
      expect(schema.$id).toMatch(/^https:\/\/stageflow\.dev\/schema\/api\/[a-z-]+\.json$/);
      expect(schema.additionalProperties).toBe(false);
    });
  });
});

import { startInstanceRequestSchema } from '@stageflow/process-package';
import { requestSchema } from './request-schema.js';

describe('requestSchema', () => {
  it('given a request schema with local definitions, when converted, then the $refs are inlined and $id, definitions and empty required are gone', () => {
    const schema = requestSchema(startInstanceRequestSchema);

    expect(schema).toEqual({
      title: 'Start instance request',
      type: 'object',
      properties: {
        businessKey: startInstanceRequestSchema.definitions!.businessKey,
        variables: { type: 'object', description: expect.any(String) },
      },
      additionalProperties: false,
    });
  });

  it('given a $ref to something that is not a local definition, when converted, then it refuses', () => {
    expect(() => requestSchema({ type: 'object', properties: { a: { $ref: 'https://example.com/x.json' } } })).toThrow(/cannot inline/);
  });

  it('given a recursive definition, when converted, then it refuses instead of looping', () => {
    const recursive = { $ref: '#/definitions/node', definitions: { node: { type: 'array', items: { $ref: '#/definitions/node' } } } };
    expect(() => requestSchema(recursive)).toThrow(/recursive/);
  });
});

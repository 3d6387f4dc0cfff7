import { startInstanceRequestSchema, taskSchema } from '@stageflow/api-contract';
import { openApiSchemas } from './request-schema.js';
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

  it('given type lists with null and a schema without type, when converted, then they become OpenAPI 3.0 nullable schemas', () => {
    const schema = requestSchema({
      type: 'object',
      properties: {
        name: { type: ['string', 'null'] },
        kind: { type: ['string', 'null'], enum: ['a', 'b', null] },
        result: { description: 'any JSON value' },
        items: { type: 'array', items: { type: ['integer', 'null'] } },
      },
      required: ['name'],
    });

    expect(schema).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string', nullable: true },
        kind: { type: 'string', nullable: true, enum: ['a', 'b'] },
        result: { description: 'any JSON value', nullable: true },
        items: { type: 'array', items: { type: 'integer', nullable: true } },
      },
      required: ['name'],
    });
  });

  it('given a type list of two non-null types, when converted, then it refuses (OpenAPI 3.0 cannot say it)', () => {
    expect(() => requestSchema({ type: ['string', 'integer'] })).toThrow(/cannot express/);
  });
});

describe('openApiSchemas', () => {
  it('given named schemas that refer to each other by $id, when converted, then the references point at their components', () => {
    const item = { $id: 'https://stageflow.dev/schema/api/item.json', type: 'object', properties: { id: { type: 'string' } }, required: ['id'] };
    const list = {
      $id: 'https://stageflow.dev/schema/api/item-list.json',
      type: 'object',
      properties: { items: { type: 'array', items: { $ref: item.$id } } },
    };

    expect(openApiSchemas({ Item: item, ItemList: list })).toEqual({
      Item: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
      ItemList: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Item' } } } },
    });
  });

  it('given the contract task schema, when converted, then its nullable properties read as OpenAPI 3.0 and its required list stays', () => {
    const { Task } = openApiSchemas({ Task: taskSchema });

    expect(Task.properties?.name).toEqual({ type: 'string', nullable: true });
    expect(Task.properties?.dueAt).toEqual({ type: 'string', format: 'date-time', nullable: true });
    expect(Task.properties?.assignment).toMatchObject({ type: 'object', nullable: true, required: ['strategy', 'requestedStrategy', 'reason', 'ruleSet'] });
    expect(Task.required).toEqual(taskSchema.required);
  });
});

import { apiSchemas } from './api-schemas.js';

function refsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refsIn);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => (key === '$ref' && typeof value === 'string' ? [value] : refsIn(value)));
}

describe('apiSchemas', () => {
  it('given the schema table, when its references are followed, then each names a schema of the table', () => {
    const refs = refsIn(apiSchemas);

    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(Object.keys(apiSchemas)).toContain(ref.replace('#/components/schemas/', ''));
  });

  it('given every object schema, when its required names are read, then each is one of its properties and the list is never empty', () => {
    const objects: Record<string, unknown>[] = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(collect);
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if ('required' in record) objects.push(record);
      Object.values(record).forEach(collect);
    };
    collect(apiSchemas);

    for (const schema of objects) {
      const required = schema.required as string[];
      expect(required.length).toBeGreaterThan(0);
      for (const name of required) expect(Object.keys(schema.properties as object)).toContain(name);
    }
  });
});

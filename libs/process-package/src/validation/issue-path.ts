// Readable issue paths: `resources[0].name`, `variables["first name"]`.
// One formatter for every validator of this lib, so paths look the same wherever they come from.

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const maxShownKeyLength = 64;

/** `path` + an object key: `.key` when the key is an identifier, else `["the key"]`. */
export function appendKey(path: string, key: string): string {
  if (identifier.test(key) && key.length <= maxShownKeyLength) {
    return path === '' ? key : `${path}.${key}`;
  }
  const shown = key.length > maxShownKeyLength ? `${key.slice(0, maxShownKeyLength)}…` : key;
  return `${path}[${JSON.stringify(shown)}]`;
}

/** `path` + an array index: `[3]`. */
export function appendIndex(path: string, index: number): string {
  return `${path}[${index}]`;
}

/**
 * Turns a JSON Pointer into `data` (ajv's `instancePath`, e.g. `/resources/0/name`) into a
 * readable path. The data decides whether a segment is an array index or an object key:
 * `/0` is `[0]` inside an array and `["0"]` inside an object.
 */
export function pointerToPath(pointer: string, data: unknown, root = ''): string {
  if (pointer === '') return root;
  let path = root;
  let current: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current) && /^(0|[1-9][0-9]*)$/.test(segment)) {
      path = appendIndex(path, Number(segment));
      current = current[Number(segment)];
    } else {
      path = appendKey(path, segment);
      current = isRecord(current) && Object.hasOwn(current, segment) ? current[segment] : undefined;
    }
  }
  return path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

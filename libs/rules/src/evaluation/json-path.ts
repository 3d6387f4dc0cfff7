// The restricted JSONPath of conditions (`$.name`, `$.a.b`, `$.list[0]`, as the schema allows),
// read without jsonpath-plus on the hot path. It mirrors what json-rules-engine's default
// resolver (jsonpath-plus, wrap: false) returns for such paths: each step follows an own
// property of a truthy value, else the result is undefined. The property spec checks it.

/** `$.a.b[0]` -> ['a', 'b', '0']. */
export function pathSegments(path: string): string[] {
  return [...path.matchAll(/\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/g)].map((match) => match[1] ?? match[2]);
}

export function compilePath(path: string): (value: unknown) => unknown {
  const segments = pathSegments(path);
  return (value) => {
    let current = value;
    for (const segment of segments) {
      if (!current || !Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
    return current;
  };
}

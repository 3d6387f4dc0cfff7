// The interpreter imports the behaviors, so the behaviors must not reach the interpreter,
// not even through a type or through a helper they import (src/catch, src/throw, ...):
// they see the run loop only as ExecutionContext (src/context/execution-context.ts).
// Specs are left out: a behavior's spec may drive the real run loop.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const interpreter = join(src, 'interpreter');

function sourceFilesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))
    .map((name) => join(folder, name));
}

/** The relative imports of a source file, as .ts paths (type-only imports included). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s+'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]!);
  return specifiers.map((specifier) => resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
}

/** Every file reachable from `roots` by relative imports, each with the file that first imported it. */
function reachableFrom(roots: string[]): Map<string, string | undefined> {
  const importedBy = new Map<string, string | undefined>(roots.map((root) => [root, undefined]));
  const pending = [...roots];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    for (const target of importsOf(file)) {
      if (importedBy.has(target)) continue;
      importedBy.set(target, file);
      pending.push(target);
    }
  }
  return importedBy;
}

function chainTo(file: string, importedBy: Map<string, string | undefined>): string {
  const chain: string[] = [];
  for (let current: string | undefined = file; current !== undefined; current = importedBy.get(current)) chain.unshift(relative(src, current));
  return chain.join(' -> ');
}

describe('import direction of the behaviors', () => {
  it('given the behaviors sources, when their imports are followed, then none of them reaches src/interpreter', () => {
    const behaviors = sourceFilesUnder(join(src, 'behaviors'));
    expect(behaviors.length).toBeGreaterThan(20);

    const importedBy = reachableFrom(behaviors);
    const intoInterpreter = [...importedBy.keys()].filter((file) => file.startsWith(interpreter + '/'));

    expect(intoInterpreter.map((file) => chainTo(file, importedBy))).toEqual([]);
  });

  it('given a file with a type-only import of the run loop, when its imports are read, then the check sees it', () => {
    // interpreter/event-commands.ts has `import type { Execution } from './execution.js'`.
    expect(importsOf(join(interpreter, 'event-commands.ts'))).toContain(join(interpreter, 'execution.ts'));
  });
});

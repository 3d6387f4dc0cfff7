// The helpers the behaviors share (catching, throwing, scopes, the execution context, state and
// model) sit below the behaviors: none of them imports a behavior or the interpreter, so the
// folders of this lib form no circle (throw/ used to start event subprocesses through a behavior).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HELPERS = ['catch', 'throw', 'scope', 'context', 'state', 'model', 'contract', 'feel', 'timer'];
const ABOVE = ['behaviors', 'interpreter'];

function importsAbove(folder: string): string[] {
  return readdirSync(join(src, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))
    .flatMap((name) => {
      const file = join(src, folder, name);
      const specifiers = [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s+'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]!);
      return specifiers
        .map((specifier) => relative(src, resolve(dirname(file), specifier)))
        .filter((target) => ABOVE.some((above) => target.startsWith(`${above}/`)))
        .map((target) => `${relative(src, file)} -> ${target}`);
    });
}

describe('the helpers below the behaviors', () => {
  it.each(HELPERS)('%s/ imports no behavior and not the interpreter', (folder) => {
    expect(importsAbove(folder)).toEqual([]);
  });
});

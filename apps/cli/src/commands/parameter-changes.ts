// The parameter changes of `stageflow params set`: `key=value` words (the value as JSON when it
// parses, `24` a number, `true` a boolean, `["a","b"]` a list; else the text as it is) over the
// values of a `--file` holding one JSON object.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliFailure } from '../cli-failure.js';
import { EXIT } from '../exit-codes.js';

export type ParameterChanges = Record<string, unknown>;

export function parseAssignment(word: string): [string, unknown] {
  const equals = word.indexOf('=');
  if (equals <= 0) throw new CliFailure(EXIT.usage, `not key=value: ${word}`);
  const key = word.slice(0, equals);
  const text = word.slice(equals + 1);
  try {
    return [key, JSON.parse(text)];
  } catch {
    return [key, text];
  }
}

export async function parameterChanges(assignments: readonly string[], file: string | undefined, cwd: string): Promise<ParameterChanges> {
  if (assignments.length === 0 && file === undefined) throw new CliFailure(EXIT.usage, 'nothing to set: give key=value words or --file <json>');
  const changes: ParameterChanges = file === undefined ? {} : await readChangesFile(file, cwd);
  for (const word of assignments) {
    const [key, value] = parseAssignment(word);
    changes[key] = value;
  }
  return changes;
}

async function readChangesFile(file: string, cwd: string): Promise<ParameterChanges> {
  const text = await readFile(resolve(cwd, file), 'utf8').catch(() => undefined);
  if (text === undefined) throw new CliFailure(EXIT.usage, `--file: cannot read ${file}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CliFailure(EXIT.usage, `--file: ${file} is not JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new CliFailure(EXIT.usage, `--file: ${file} must hold one JSON object of parameter values`);
  return { ...(parsed as ParameterChanges) };
}

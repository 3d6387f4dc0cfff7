// Where the engine is and who calls it: --url (else STAGEFLOW_URL, else http://localhost:3000),
// --token (else STAGEFLOW_TOKEN), --timeout in seconds for each request.
import { Option, type Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { CliFailure } from '../cli-failure.js';
import { EXIT } from '../exit-codes.js';

export const DEFAULT_URL = 'http://localhost:3000';
export const DEFAULT_TIMEOUT_SECONDS = 60;

export interface EngineFlags {
  url?: string;
  token?: string;
  timeout?: string;
}

export interface EngineTarget {
  url: string;
  token: string | undefined;
  timeoutMs: number;
}

export function addEngineOptions(command: Command): Command {
  return command
    .addOption(new Option('--url <url>', `the engine's address (default: $STAGEFLOW_URL, else ${DEFAULT_URL})`))
    .addOption(new Option('--token <token>', 'an API token or access token (default: $STAGEFLOW_TOKEN)'))
    .addOption(new Option('--timeout <seconds>', `give up on a request after this long (default: ${DEFAULT_TIMEOUT_SECONDS})`));
}

export function engineTarget(flags: EngineFlags, io: CliIo): EngineTarget {
  const url = flags.url ?? io.env.STAGEFLOW_URL ?? DEFAULT_URL;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliFailure(EXIT.usage, `--url: not a URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new CliFailure(EXIT.usage, `--url: not an http(s) URL: ${url}`);
  const seconds = flags.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(flags.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new CliFailure(EXIT.usage, `--timeout: not a positive number of seconds: ${flags.timeout}`);
  const token = flags.token ?? io.env.STAGEFLOW_TOKEN;
  return { url, token: token === '' ? undefined : token, timeoutMs: seconds * 1000 };
}

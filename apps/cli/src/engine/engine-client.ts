// The engine's typed client for one CLI run: every request carries the run's timeout, and every
// failure becomes the CLI's exit code — the engine's error answer (3) or no answer at all (4).
import type { ApiClientError, StageflowClient } from '@stageflow/api-contract';
import type { CliIo } from '../cli-io.js';
import { CliFailure, type CliProblem } from '../cli-failure.js';
import { EXIT } from '../exit-codes.js';
import { apiContract } from '../lazy-libs.js';
import type { EngineTarget } from './engine-options.js';

export async function engineClient(target: EngineTarget, io: CliIo): Promise<StageflowClient> {
  const fetchFn = io.fetch ?? globalThis.fetch;
  return (await apiContract()).createStageflowClient({
    baseUrl: target.url,
    token: target.token,
    fetch: (input, init) => fetchFn(input, { ...init, signal: AbortSignal.timeout(target.timeoutMs) }),
  });
}

/** Runs one call of the client; its failure as a CliFailure with the exit code scripts branch on. */
export async function callEngine<T>(target: EngineTarget, what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const { ApiClientError } = await apiContract();
    throw error instanceof ApiClientError ? refused(what, error) : unreachable(target, what, error);
  }
}

function refused(what: string, error: ApiClientError): CliFailure {
  const reason = error.body ? `${error.body.error}: ${error.body.message}` : 'no error body';
  return new CliFailure(EXIT.serverRefused, `${what}: the engine answered ${error.status} (${reason})`, error.details.map(serverProblem), {
    status: error.status,
    error: error.error ?? null,
  });
}

function unreachable(target: EngineTarget, what: string, error: unknown): CliFailure {
  return new CliFailure(EXIT.unreachable, `${what}: no answer from ${target.url} (${transportReason(error, target)})`);
}

/** The engine's details: deployment problems `{resource, elementId, path, message}`, orphaned instances `{processInstanceId, definitionKey, definitionVersion}` or body issues `{path, message}`. */
function serverProblem(detail: Record<string, unknown>): CliProblem {
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
  const message = text(detail.message) ?? JSON.stringify(detail);
  const resource = text(detail.resource);
  if (resource) return { resource, elementId: text(detail.elementId), path: text(detail.path), message };
  // A rollback's refusal names the running instances it would orphan.
  const instance = text(detail.processInstanceId);
  if (instance)
    return {
      resource: `instance ${instance}`,
      message: `runs ${String(detail.definitionKey)} version ${String(detail.definitionVersion)}, which that version does not have`,
    };
  return { resource: text(detail.path) ?? text(detail.field) ?? '(request)', message };
}

/** Why fetch got no answer, in the words of the system: ECONNREFUSED, ENOTFOUND, a timeout. */
function transportReason(error: unknown, target: EngineTarget): string {
  // Read by shape, not instanceof: fetch's errors may come from another realm (a test's vm context).
  const { name, message, cause } = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; message?: unknown; cause?: unknown };
  if (name === 'TimeoutError' || name === 'AbortError') return `timed out after ${target.timeoutMs / 1000} s`;
  const { code, message: causeMessage } = (typeof cause === 'object' && cause !== null ? cause : {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string') return code;
  if (typeof causeMessage === 'string') return causeMessage;
  return typeof message === 'string' ? message : String(error);
}

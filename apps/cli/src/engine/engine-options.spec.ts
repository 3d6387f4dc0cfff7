import type { CliIo } from '../cli-io.js';
import { engineTarget } from './engine-options.js';

const io = (env: Record<string, string>): CliIo => ({ stdout: () => undefined, stderr: () => undefined, env, cwd: '/' });

describe('where the engine is and who calls it', () => {
  it('given no flags and no environment, then it is http://localhost:3000 without a token and a 60 s timeout', () => {
    expect(engineTarget({}, io({}))).toEqual({ url: 'http://localhost:3000', token: undefined, timeoutMs: 60_000 });
  });

  it('given STAGEFLOW_URL and STAGEFLOW_TOKEN, then they are used; --url and --token win over them', () => {
    const env = { STAGEFLOW_URL: 'https://engine.example', STAGEFLOW_TOKEN: 'sf_env' };

    expect(engineTarget({}, io(env))).toMatchObject({ url: 'https://engine.example', token: 'sf_env' });
    expect(engineTarget({ url: 'http://other:8080', token: 'sf_flag', timeout: '2.5' }, io(env))).toEqual({
      url: 'http://other:8080',
      token: 'sf_flag',
      timeoutMs: 2500,
    });
  });

  it('given an empty STAGEFLOW_TOKEN, then no token is sent', () => {
    expect(engineTarget({}, io({ STAGEFLOW_TOKEN: '' })).token).toBeUndefined();
  });

  it('given a zero or negative timeout, then it is a usage error', () => {
    for (const timeout of ['0', '-1', 'Infinity']) expect(() => engineTarget({ timeout }, io({}))).toThrow(/^--timeout: not a positive number of seconds/);
  });
});

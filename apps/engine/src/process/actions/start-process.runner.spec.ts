import type { InstanceCommandsService, StartInput } from '../execution/instance-commands.service.js';
import type { ActionRunContext } from './action-runner.js';
import { StartProcessRunner } from './start-process.runner.js';

const context = { idempotencyKey: 'i:a', processInstanceId: 'i', elementId: 'startAccount', variables: {} } as unknown as ActionRunContext;

/** The starts the runner asked for, in order. */
function recordingCommands(): { commands: InstanceCommandsService; starts: { key: string; input: StartInput }[] } {
  const starts: { key: string; input: StartInput }[] = [];
  const commands = {
    start: (key: string, input: StartInput) => {
      starts.push({ key, input });
      return Promise.resolve({});
    },
  } as unknown as InstanceCommandsService;
  return { commands, starts };
}

describe('StartProcessRunner', () => {
  it('given a rendered business key, when run, then the new instance carries it (and the variables)', async () => {
    const { commands, starts } = recordingCommands();
    const outcome = await new StartProcessRunner(commands).run(
      {
        type: 'startProcess',
        processKey: 'account-management',
        businessKey: ' organization:7d0f3c8e-0000-4000-8000-000000000001 ',
        variables: { dealName: 'Fleet' },
      },
      context,
    );

    expect(outcome.kind).toBe('completed');
    expect(starts).toEqual([
      {
        key: 'account-management',
        input: expect.objectContaining({ businessKey: 'organization:7d0f3c8e-0000-4000-8000-000000000001', variables: { dealName: 'Fleet' } }),
      },
    ]);
  });

  it('given a business key that rendered empty or none at all, when run, then the instance has no business key', async () => {
    const { commands, starts } = recordingCommands();
    const runner = new StartProcessRunner(commands);
    await runner.run({ type: 'startProcess', processKey: 'account-management', businessKey: '  ' }, context);
    await runner.run({ type: 'startProcess', processKey: 'account-management' }, context);

    expect(starts.map((start) => 'businessKey' in start.input)).toEqual([false, false]);
  });

  it('given a business key longer than an instance may carry, when run, then it fails with INVALID_ACTION_INPUT and starts nothing', async () => {
    const { commands, starts } = recordingCommands();
    const outcome = await new StartProcessRunner(commands).run(
      { type: 'startProcess', processKey: 'account-management', businessKey: 'x'.repeat(256) },
      context,
    );

    expect(outcome).toEqual({ kind: 'failed', errorCode: 'INVALID_ACTION_INPUT', message: expect.stringContaining('at most 255') });
    expect(starts).toEqual([]);
  });
});

import type { ParameterVersionRow } from './package.row.js';
import { InstanceParameters } from './instance-parameters.js';
import type { PackageDefinitionsRepository } from './package-definitions.repository.js';
import type { PackagesRepository } from './packages.repository.js';
import type { ParameterVersionsRepository } from './parameter-versions.repository.js';

/** The three repositories InstanceParameters reads, over plain maps, counting the reads. */
function given(versions: Record<number, { values: Record<string, number>; live?: string[] }>, current: number) {
  const reads = { definitions: 0, current: 0, versions: 0 };
  const state = { current, clock: 0, definitionPackage: 'lead' as string | undefined };
  const packages = {
    currentParameterVersion: async () => {
      reads.current++;
      return state.current;
    },
  } as unknown as PackagesRepository;
  const parameterVersions = {
    get: async (_name: string, version: number) => {
      reads.versions++;
      const found = versions[version];
      return found && ({ values: found.values, live: found.live ?? [] } as unknown as ParameterVersionRow);
    },
  } as unknown as ParameterVersionsRepository;
  const definitions = {
    packageOf: async () => {
      reads.definitions++;
      return state.definitionPackage;
    },
  } as unknown as PackageDefinitionsRepository;
  return { parameters: new InstanceParameters(packages, parameterVersions, definitions, () => state.clock), reads, state };
}

describe('InstanceParameters', () => {
  it('gives a start the current values and the stamp it keeps; a second start reads nothing', async () => {
    const { parameters, reads } = given({ 1: { values: { sla: 24 } } }, 1);

    const first = await parameters.forStart('def-1');
    const second = await parameters.forStart('def-1');

    expect(first).toEqual({ params: { sla: 24 }, stamp: { packageName: 'lead', version: 1 } });
    expect(second).toEqual(first);
    expect(reads).toEqual({ definitions: 1, current: 1, versions: 1 });
  });

  it('gives a definition without a package no parameters, and asks again only after a while', async () => {
    const { parameters, reads, state } = given({}, 1);
    state.definitionPackage = undefined;

    expect(await parameters.forStart('plain')).toEqual({ params: {} });
    await parameters.forStart('plain');
    expect(reads.definitions).toBe(1);
    state.clock = 10_000;
    await parameters.forStart('plain');
    expect(reads.definitions).toBe(2);
  });

  it('keeps an instance on the values of its start, except the parameters live at the current version', async () => {
    const { parameters } = given({ 1: { values: { sla: 24, stages: 3 } }, 2: { values: { sla: 8, stages: 5 }, live: ['sla'] } }, 2);

    const resolved = await parameters.forInstance({ packageName: 'lead', startVersion: 1, currentVersion: 2 });

    expect(resolved).toEqual({ params: { sla: 8, stages: 3 } });
  });

  it('keeps every start value when the current version has no live parameter', async () => {
    const { parameters } = given({ 1: { values: { sla: 24 } }, 2: { values: { sla: 8 } } }, 2);

    expect(await parameters.forInstance({ packageName: 'lead', startVersion: 1, currentVersion: 2 })).toEqual({ params: { sla: 24 } });
  });

  it('relies on the node-known current version for an instance not read, so that its write checks it', async () => {
    const { parameters, reads } = given({ 1: { values: { sla: 24 } } }, 1);

    const resolved = await parameters.forInstance({ packageName: 'lead', startVersion: 1 });

    expect(resolved).toEqual({ params: { sla: 24 }, relied: { packageName: 'lead', version: 1 } });
    expect(reads.current).toBe(1);
  });

  it('starts on a version a read saw, and learns of a change when a write that relied on the old one failed', async () => {
    const { parameters, state } = given({ 1: { values: { sla: 24 } }, 2: { values: { sla: 8 } }, 3: { values: { sla: 4 } } }, 1);
    await parameters.forStart('def-1');

    await parameters.forInstance({ packageName: 'lead', startVersion: 1, currentVersion: 2 });
    expect((await parameters.forStart('def-1')).stamp).toEqual({ packageName: 'lead', version: 2 });

    state.current = 3;
    expect(await parameters.movedPast({ packageName: 'lead', version: 2 })).toBe(true);
    expect(await parameters.forStart('def-1')).toEqual({ params: { sla: 4 }, stamp: { packageName: 'lead', version: 3 } });
    expect(await parameters.movedPast({ packageName: 'lead', version: 3 })).toBe(false);
  });

  it('gives no parameters to an instance without a package', async () => {
    const { parameters, reads } = given({}, 1);

    expect(await parameters.forInstance(null)).toEqual({ params: {} });
    expect(reads).toEqual({ definitions: 0, current: 0, versions: 0 });
  });
});

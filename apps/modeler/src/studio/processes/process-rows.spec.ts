import type { PackageView, ProcessDefinitionView } from '@stageflow/api-contract';
import { processRows } from './process-rows';

const definition = (
  key: string,
  version: number,
  deploymentId: string,
  name: string | null = null,
  deployedBy: string | null = null,
): ProcessDefinitionView => ({
  id: `${key}-${version}`,
  key,
  version,
  name,
  resourceName: `${key}.bpmn`,
  deploymentId,
  contentHash: 'h',
  createdAt: `2026-12-0${version}T10:00:00.000Z`,
  deployedBy,
});

const leadPackage: PackageView = {
  name: 'lead',
  activeVersion: '1.1.0',
  description: null,
  parameterVersion: 1,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedBy: 'ana',
  updatedAt: '2026-12-02T10:00:00.000Z',
  versions: [
    // An unchanged redeploy names the earlier deployment: the earliest version made it.
    {
      name: 'lead',
      version: '1.0.1',
      description: null,
      active: false,
      contentHash: 'b',
      deploymentId: 'd1',
      deployedBy: 'kim',
      deployedAt: '2026-12-01T12:00:00.000Z',
    },
    {
      name: 'lead',
      version: '1.0.0',
      description: null,
      active: false,
      contentHash: 'a',
      deploymentId: 'd1',
      deployedBy: 'admin',
      deployedAt: '2026-12-01T10:00:00.000Z',
    },
    {
      name: 'lead',
      version: '1.1.0',
      description: null,
      active: true,
      contentHash: 'c',
      deploymentId: 'd2',
      deployedBy: 'ana',
      deployedAt: '2026-12-02T10:00:00.000Z',
    },
  ],
};

describe('processRows', () => {
  it('groups the versions of each process, newest first, with their counts and the package version that deployed them', () => {
    const rows = processRows(
      [definition('lead-generation', 1, 'd1', 'Lead generation'), definition('lead-generation', 2, 'd2', 'Lead generation')],
      [
        { id: 'lead-generation-1', key: 'lead-generation', version: 1, runningInstances: 3, instancesWithIncident: 1 },
        { id: 'lead-generation-2', key: 'lead-generation', version: 2, runningInstances: 5, instancesWithIncident: 0 },
      ],
      [leadPackage],
    );

    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ key: 'lead-generation', name: 'Lead generation', runningInstances: 8, instancesWithIncident: 1 });
    expect(rows[0]!.versions.map((row) => [row.version, row.runningInstances, row.deployedWith?.packageVersion, row.deployedWith?.deployedBy])).toEqual([
      [2, 5, '1.1.0', 'ana'],
      [1, 3, '1.0.0', 'admin'],
    ]);
  });

  it('counts no instances for a version the statistics leave out, and no package for a diagram deployed alone', () => {
    const [row] = processRows([definition('solo', 1, 'd9')], [], [leadPackage]);

    expect(row).toMatchObject({ key: 'solo', name: 'solo', runningInstances: 0, instancesWithIncident: 0 });
    expect(row!.latest.deployedWith).toBeUndefined();
    expect(row!.latest.deployedBy).toBeNull();
  });

  it('names who deployed a diagram deployed alone, and the package deployer where the deployment has no user', () => {
    const rows = processRows([definition('solo', 1, 'd9', null, 'ana'), definition('lead-generation', 1, 'd1', 'Lead generation', null)], [], [leadPackage]);

    expect(rows.map((row) => [row.key, row.latest.deployedBy])).toEqual([
      ['lead-generation', 'admin'],
      ['solo', 'ana'],
    ]);
  });

  it('orders processes by name', () => {
    const rows = processRows([definition('b', 1, 'x', 'Zeta'), definition('a', 1, 'y', 'Alpha')], [], []);
    expect(rows.map((row) => row.name)).toEqual(['Alpha', 'Zeta']);
  });
});

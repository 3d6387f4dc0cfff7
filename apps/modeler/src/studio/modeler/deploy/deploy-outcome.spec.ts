import type { DeploymentView } from '@stageflow/api-contract';
import { deployOutcome } from './deploy-outcome';

function deployment(processDefinitions: DeploymentView['processDefinitions'], extra: Record<string, unknown> = {}): DeploymentView {
  return {
    id: 'd1',
    name: 'lead.bpmn',
    createdAt: '2026-12-07T18:00:00.000Z',
    processDefinitions,
    ruleSets: [],
    actionTemplates: [],
    contactPlans: [],
    templates: [],
    customFields: [],
    forms: [],
    warnings: [],
    ...extra,
  } as DeploymentView;
}

describe('what a deployment of the diagram did', () => {
  it('given the engine answers with a version other than the latest before, when read, then a new version was created', () => {
    const outcome = deployOutcome(new Map([['lead', 'v3']]), deployment([{ id: 'v4', key: 'lead', version: 4, name: 'Lead' }]));

    expect(outcome).toEqual({ kind: 'created', processes: [{ key: 'lead', version: 4, name: 'Lead' }], warnings: [] });
  });

  it('given the engine answers with the latest versions it had, when read, then the diagram was unchanged', () => {
    const outcome = deployOutcome(new Map([['lead', 'v3']]), deployment([{ id: 'v3', key: 'lead', version: 3, name: 'Lead' }]));

    expect(outcome.kind).toBe('unchanged');
  });

  it('given a process never deployed before, when read, then it is new', () => {
    expect(deployOutcome(new Map(), deployment([{ id: 'v1', key: 'fresh', version: 1, name: null }])).kind).toBe('created');
  });

  it('given warnings with the 201, when read, then they are kept', () => {
    const outcome = deployOutcome(
      new Map(),
      deployment([{ id: 'v1', key: 'foreign', version: 1, name: null }], {
        warnings: [{ resource: 'x.bpmn', elementId: 'Shape_1', message: 'points at a missing element' }],
      }),
    );

    expect(outcome.warnings).toEqual([{ resource: 'x.bpmn', elementId: 'Shape_1', message: 'points at a missing element' }]);
  });
});

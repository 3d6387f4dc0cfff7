import type { DeploymentView } from '@stageflow/api-contract';
import { deployOutcome } from './deploy-outcome';

function deployment(created: boolean, processDefinitions: DeploymentView['processDefinitions'], extra: Partial<DeploymentView> = {}): DeploymentView {
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
    created,
    warnings: [],
    ...extra,
  };
}

describe('what a deployment of the diagram did', () => {
  it('given the engine says it created versions, when read, then a new version was created', () => {
    const outcome = deployOutcome(deployment(true, [{ id: 'v4', key: 'lead', version: 4, name: 'Lead' }]));

    expect(outcome).toEqual({ kind: 'created', processes: [{ key: 'lead', version: 4, name: 'Lead' }], warnings: [] });
  });

  it('given the engine says it created nothing, when read, then the diagram was unchanged and the existing versions are named', () => {
    const outcome = deployOutcome(deployment(false, [{ id: 'v3', key: 'lead', version: 3, name: 'Lead' }]));

    expect(outcome).toEqual({ kind: 'unchanged', processes: [{ key: 'lead', version: 3, name: 'Lead' }], warnings: [] });
  });

  it('given warnings with the answer, when read, then they are kept', () => {
    const outcome = deployOutcome(
      deployment(true, [{ id: 'v1', key: 'foreign', version: 1, name: null }], {
        warnings: [{ resource: 'x.bpmn', elementId: 'Shape_1', message: 'points at a missing element' }],
      }),
    );

    expect(outcome.warnings).toEqual([{ resource: 'x.bpmn', elementId: 'Shape_1', message: 'points at a missing element' }]);
  });
});

import { deployErrorsByElement, engineProblems, lintProblems, sortedProblems } from './problems';

describe('the problems list', () => {
  it('given bpmnlint issues by element, when listed, then each is one problem with its severity, element and rule', () => {
    const problems = lintProblems({
      gateway: [{ id: 'gateway', message: 'Gateway has no default flow', category: 'error', rule: 'stageflow/gateway-default' }],
      task: [
        { id: 'task', message: 'Element has no label', category: 'warn', rule: 'label-required' },
        { id: 'task', message: 'Just so you know', category: 'info', rule: 'hint' },
      ],
    });

    expect(problems).toEqual([
      { source: 'lint', severity: 'error', elementId: 'gateway', message: 'Gateway has no default flow', rule: 'stageflow/gateway-default' },
      { source: 'lint', severity: 'warning', elementId: 'task', message: 'Element has no label', rule: 'label-required' },
      { source: 'lint', severity: 'info', elementId: 'task', message: 'Just so you know', rule: 'hint' },
    ]);
  });

  it('given the engine refused a deployment, when listed, then its problems are errors and warnings of a 201 are warnings', () => {
    expect(
      engineProblems(
        [
          { resource: 'lead.bpmn', elementId: 'call', message: 'invalid FEEL' },
          { resource: 'lead.bpmn', message: 'no process' },
        ],
        'deploy',
      ),
    ).toEqual([
      { source: 'deploy', severity: 'error', elementId: 'call', message: 'invalid FEEL' },
      { source: 'deploy', severity: 'error', message: 'no process' },
    ]);
    expect(engineProblems([{ elementId: 'shape_1', message: 'points at a missing element' }], 'warning')).toEqual([
      { source: 'warning', severity: 'warning', elementId: 'shape_1', message: 'points at a missing element' },
    ]);
  });

  it('given problems of every kind, when sorted, then errors come first, the engine before lint, then by element', () => {
    const sorted = sortedProblems([
      { source: 'warning', severity: 'warning', elementId: 'a', message: 'w' },
      { source: 'lint', severity: 'error', elementId: 'b', message: 'lint b' },
      { source: 'lint', severity: 'error', elementId: 'a', message: 'lint a' },
      { source: 'deploy', severity: 'error', elementId: 'z', message: 'deploy z' },
      { source: 'lint', severity: 'info', elementId: 'a', message: 'i' },
    ]);

    expect(sorted.map((problem) => problem.message)).toEqual(['deploy z', 'lint a', 'lint b', 'w', 'i']);
  });

  it('given deploy errors, when marking the canvas, then each named element gets all its messages and lint problems none', () => {
    const byElement = deployErrorsByElement([
      { source: 'deploy', severity: 'error', elementId: 'call', message: 'one' },
      { source: 'deploy', severity: 'error', elementId: 'call', message: 'two' },
      { source: 'deploy', severity: 'error', message: 'about the file' },
      { source: 'lint', severity: 'error', elementId: 'gateway', message: 'lint' },
    ]);

    expect([...byElement]).toEqual([['call', ['one', 'two']]]);
  });
});

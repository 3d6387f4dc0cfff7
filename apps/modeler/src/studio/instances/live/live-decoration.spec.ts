import { instanceDecoration, waitingDecoration } from './live-decoration';

const labels = {
  entered: (count: number) => `entered ${count} times`,
  waiting: (instances: number, incidents: number) => `${instances} waiting, ${incidents} stuck`,
};

describe('instanceDecoration', () => {
  it('given a review sent back once and waiting again, when decorated, then the path is green, the token blue and review counts two visits', () => {
    const decoration = instanceDecoration(
      {
        activeElementIds: ['review'],
        elements: [
          { elementId: 'start', entered: 1, left: 1 },
          { elementId: 'review', entered: 2, left: 1 },
          { elementId: 'gw', entered: 1, left: 1 },
        ],
        flows: [
          { flowId: 'f1', taken: 1 },
          { flowId: 'fAgain', taken: 1 },
        ],
      },
      [],
      labels,
    );

    expect(decoration.markers).toEqual([
      { elementId: 'start', className: 'sf-completed' },
      { elementId: 'gw', className: 'sf-completed' },
      { elementId: 'f1', className: 'sf-taken' },
      { elementId: 'fAgain', className: 'sf-taken' },
      { elementId: 'review', className: 'sf-active' },
    ]);
    expect(decoration.badges).toEqual([{ elementId: 'review', text: '2×', label: 'entered 2 times', className: 'sf-badge-count' }]);
  });

  it('given a token stuck at an incident, when decorated, then that element is marked as an incident, not as active', () => {
    const decoration = instanceDecoration({ activeElementIds: ['gw'], elements: [{ elementId: 'gw', entered: 1, left: 0 }], flows: [] }, ['gw'], labels);

    expect(decoration.markers).toEqual([{ elementId: 'gw', className: 'sf-incident' }]);
  });
});

describe('waitingDecoration', () => {
  it('given instances waiting at two elements, one with an incident, when decorated, then each has a badge with its count', () => {
    const decoration = waitingDecoration(
      {
        definitionKey: 'lead',
        version: 1,
        items: [
          { elementId: 'gw', instances: 1, incidents: 1 },
          { elementId: 'review', instances: 12, incidents: 0 },
        ],
      },
      labels,
    );

    expect(decoration.badges).toEqual([
      { elementId: 'gw', text: '1', label: '1 waiting, 1 stuck', className: 'sf-badge-incident' },
      { elementId: 'review', text: '12', label: '12 waiting, 0 stuck', className: 'sf-badge-waiting' },
    ]);
    expect(decoration.markers).toEqual([
      { elementId: 'gw', className: 'sf-incident' },
      { elementId: 'review', className: 'sf-waiting' },
    ]);
  });
});

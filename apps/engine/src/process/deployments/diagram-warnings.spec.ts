import { listedWarnings, MAX_WARNINGS_PER_RESOURCE } from './diagram-warnings.js';

describe('listedWarnings', () => {
  it('given a few warnings, when listed, then each names its resource and keeps its element id when it has one', () => {
    expect(listedWarnings('a.bpmn', [{ elementId: 'Shape_1', message: 'shape' }, { message: 'encoding' }])).toEqual([
      { resource: 'a.bpmn', elementId: 'Shape_1', message: 'shape' },
      { resource: 'a.bpmn', message: 'encoding' },
    ]);
  });

  it('given more warnings than the limit, when listed, then the first ones are kept and one line says how many more', () => {
    const many = Array.from({ length: MAX_WARNINGS_PER_RESOURCE + 3 }, (_, index) => ({ elementId: `e${index}`, message: 'vendor attribute' }));

    const listed = listedWarnings('big.bpmn', many);

    expect(listed).toHaveLength(MAX_WARNINGS_PER_RESOURCE + 1);
    expect(listed[MAX_WARNINGS_PER_RESOURCE - 1]).toEqual({
      resource: 'big.bpmn',
      elementId: `e${MAX_WARNINGS_PER_RESOURCE - 1}`,
      message: 'vendor attribute',
    });
    expect(listed.at(-1)).toEqual({ resource: 'big.bpmn', message: `3 more warnings not listed (at most ${MAX_WARNINGS_PER_RESOURCE} per resource)` });
  });
});

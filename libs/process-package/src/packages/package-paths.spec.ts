import { packageLimits } from './package-limits.js';
import { packagePathProblem } from './package-paths.js';

describe('packagePathProblem', () => {
  it.each(['manifest.json', 'lead.bpmn', 'rules/bant.rule-set.json', 'a/b/c/d.liquid', '.hidden/x.liquid'])('given %s then it is a package path', (path) => {
    expect(packagePathProblem(path)).toBeUndefined();
  });

  it.each([
    ['', 'is an empty path'],
    ['x'.repeat(packageLimits.maxPathLength + 1), `is longer than ${packageLimits.maxPathLength} characters`],
    ['rules\\bant.rule-set.json', 'must use / between folders, not \\'],
    ['/lead.bpmn', 'must be a relative path, not an absolute one'],
    ['c:lead.bpmn', 'must not start with a drive letter'],
    ['mail/\u0000.liquid', 'must not contain control characters'],
    ['../lead.bpmn', 'must not contain "..", "." or empty folder names'],
    ['a/../../lead.bpmn', 'must not contain "..", "." or empty folder names'],
    ['./lead.bpmn', 'must not contain "..", "." or empty folder names'],
    ['a//lead.bpmn', 'must not contain "..", "." or empty folder names'],
  ])('given %j then it is refused: %s', (path, problem) => {
    expect(packagePathProblem(path)).toBe(problem);
  });
});

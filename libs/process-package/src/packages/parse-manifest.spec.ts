import { comparePackageVersions, packageVersionProblem, parseManifest, validateManifest } from './parse-manifest.js';
import { sampleManifest } from './sample-package.testing.js';

describe('manifest.json', () => {
  it('given the sample manifest, when parsed, then it is accepted as written', () => {
    expect(parseManifest(JSON.stringify(sampleManifest))).toEqual({ ok: true, manifest: sampleManifest });
  });

  it.each([
    [
      'a missing name, version and resources',
      {},
      [
        { path: 'name', message: 'is required' },
        { path: 'version', message: 'is required' },
        { path: 'resources', message: 'is required' },
      ],
    ],
    ['an unknown field', { ...sampleManifest, author: 'x' }, [{ path: 'author', message: 'is not allowed' }]],
    ['a resource that is not a path', { ...sampleManifest, resources: [''] }, [{ path: 'resources[0]', message: 'must not be empty' }]],
    ['a record type without process', { ...sampleManifest, recordTypes: { lead: {} } }, [{ path: 'recordTypes.lead.process', message: 'is required' }]],
    ['parameters that are not a schema object', { ...sampleManifest, parameters: [] }, [{ path: 'parameters', message: 'must be an object' }]],
  ])('given %s, then each field is named', (_, manifest, issues) => {
    expect(validateManifest(manifest)).toEqual(issues);
  });

  it.each([
    ['1.2.0', undefined],
    ['2.0.0-rc.1', undefined],
    ['1.2', 'must be a semantic version such as 1.2.0 ("1.2" is not)'],
    ['v1.2.0', 'must be a semantic version such as 1.2.0 ("v1.2.0" is not)'],
    ['1.2.0+build.5', 'must not have build metadata (+...): two builds of one version would be one version'],
  ])('given the version %s, then the problem is %s', (version, problem) => {
    expect(packageVersionProblem(version)).toBe(problem);
    if (problem) expect(validateManifest({ ...sampleManifest, version })).toEqual([{ path: 'version', message: problem }]);
  });

  it('when versions are compared then semver precedence decides (1.10.0 after 1.9.0, a pre-release before its release)', () => {
    expect(comparePackageVersions('1.9.0', '1.10.0')).toBeLessThan(0);
    expect(comparePackageVersions('2.0.0-rc.1', '2.0.0')).toBeLessThan(0);
    expect(comparePackageVersions('1.0.0', '1.0.0')).toBe(0);
  });

  it('given text that is not JSON, then the root is named', () => {
    expect(parseManifest('{')).toEqual({ ok: false, problems: [{ path: '', message: expect.stringMatching(/^is not valid JSON/) }] });
  });
});

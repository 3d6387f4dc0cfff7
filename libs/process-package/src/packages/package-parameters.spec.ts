import type { PackageManifest } from './package.types.js';
import { liveParameters, parameterDefaults, parameterSchemaIssues, validatePackageParameters } from './package-parameters.js';
import { sampleManifest } from './sample-package.testing.js';

const parameters = sampleManifest.parameters!;
const withProperty = (name: string, property: unknown) => ({ ...parameters, properties: { ...parameters.properties, [name]: property } });

describe('package parameters', () => {
  describe('given the schema the manifest declares', () => {
    it('when it is the sample one then it has no issue', () => {
      expect(parameterSchemaIssues(parameters)).toEqual([]);
    });

    it.each([
      ['not an object', [], [{ path: 'parameters', message: 'must be a JSON Schema object' }]],
      [
        'another type',
        { ...parameters, type: 'array' },
        [{ path: 'parameters.type', message: 'must be "object": the parameters are the properties of one object' }],
      ],
      ['an unknown keyword', { ...parameters, $defs: {} }, [{ path: 'parameters.$defs', message: 'is not allowed' }]],
      [
        'open additional properties',
        { ...parameters, additionalProperties: true },
        [{ path: 'parameters.additionalProperties', message: 'must be false or absent: only declared parameters are accepted' }],
      ],
      ['no properties', { type: 'object' }, [{ path: 'parameters.properties', message: 'is required: an object of the parameters by name' }]],
      [
        'a bad name',
        withProperty('first-contact', { type: 'integer', default: 1, description: 'd' }),
        [
          {
            path: 'parameters.properties["first-contact"]',
            message: 'name must start with a letter and hold only letters, digits and _ (at most 63 characters)',
          },
        ],
      ],
      [
        'a property that is not a schema',
        withProperty('x', 3),
        [{ path: 'parameters.properties.x', message: 'must be an object (the JSON Schema of the parameter)' }],
      ],
      [
        'no default',
        withProperty('x', { type: 'integer', description: 'd' }),
        [{ path: 'parameters.properties.x.default', message: 'is required: the value the parameter has until it is set' }],
      ],
      [
        'no description',
        withProperty('x', { type: 'integer', default: 1 }),
        [{ path: 'parameters.properties.x.description', message: 'is required: say what the parameter changes' }],
      ],
      [
        'a title and live of the wrong type',
        withProperty('x', { type: 'integer', default: 1, description: 'd', title: 1, live: 'yes' }),
        [
          { path: 'parameters.properties.x.title', message: 'must be a string' },
          { path: 'parameters.properties.x.live', message: 'must be true or false' },
        ],
      ],
      [
        'a default its schema refuses',
        withProperty('x', { type: 'integer', minimum: 1, default: 0, description: 'd' }),
        [{ path: 'parameters.properties.x.default', message: "does not match the parameter's schema: must be >= 1" }],
      ],
      [
        'a property schema ajv refuses',
        withProperty('x', { type: 'integer', default: 1, description: 'd', minimun: 1 }),
        [{ path: 'parameters.properties.x', message: 'is not a valid JSON Schema (strict mode: unknown keyword: "minimun")' }],
      ],
      [
        'required naming no parameter',
        { ...parameters, required: ['nope'] },
        [{ path: 'parameters.required[0]', message: 'must name a parameter of properties ("nope" is none)' }],
      ],
      [
        'an unsafe pattern',
        withProperty('x', { type: 'string', pattern: '(a+)+', default: 'a', description: 'd' }),
        [{ path: 'parameters.properties.x.pattern', message: expect.stringMatching(/quantif/) }],
      ],
    ])('when it has %s then the issue names the path', (_, schema, issues) => {
      expect(parameterSchemaIssues(schema)).toEqual(issues);
    });
  });

  describe('given values for a package', () => {
    it('when they match the schema then there is no issue', () => {
      expect(validatePackageParameters(sampleManifest, { slaHours: 48, minScore: 10, stages: ['A'] })).toEqual([]);
    });

    it('when values break the schema, a required one is missing or a name is unknown then each field is named', () => {
      expect(validatePackageParameters(sampleManifest, { minScore: 'high', stages: [1], slaHour: 3 })).toEqual(
        expect.arrayContaining([
          { path: 'slaHour', message: 'is not a parameter of package "tender"' },
          { path: 'slaHours', message: 'is required' },
          { path: 'minScore', message: 'must be a number' },
          { path: 'stages[0]', message: 'must be a string' },
        ]),
      );
      expect(validatePackageParameters(sampleManifest, { minScore: 'high', stages: [1], slaHour: 3 })).toHaveLength(4);
    });

    it('when the package declares no parameters then every name is unknown', () => {
      const { parameters: _none, ...bare } = sampleManifest;
      expect(validatePackageParameters(bare as PackageManifest, { x: 1 })).toEqual([
        { path: 'x', message: 'is not a parameter of package "tender" (it declares none)' },
      ]);
    });

    it('when the values are not an object then the root is named', () => {
      expect(validatePackageParameters(sampleManifest, [] as never)).toEqual([{ path: '', message: 'must be an object of parameter values by name' }]);
    });
  });

  describe('when defaults and live parameters are read', () => {
    it('then the defaults are copies by name and the live names are listed', () => {
      const defaults = parameterDefaults(sampleManifest);
      expect(defaults).toEqual({ slaHours: 24, minScore: 50, stages: ['Open', 'Bid'] });
      (defaults.stages as string[]).push('Won');
      expect(sampleManifest.parameters!.properties.stages!.default).toEqual(['Open', 'Bid']);
      expect(liveParameters(sampleManifest)).toEqual(['slaHours']);
      expect(parameterDefaults({ ...sampleManifest, parameters: undefined })).toEqual({});
    });
  });
});

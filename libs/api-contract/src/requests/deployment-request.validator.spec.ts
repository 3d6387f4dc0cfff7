import { isDeploymentRequest, validateDeploymentRequest } from './deployment-request.validator.js';

const xml = '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"/>';
const valid = { name: 'lead process', resources: [{ name: 'lead.bpmn', content: xml }] };

describe('validateDeploymentRequest', () => {
  describe('given a valid deployment', () => {
    it('then it finds no issue and the body is a DeploymentRequest', () => {
      expect(validateDeploymentRequest(valid)).toEqual([]);
      expect(isDeploymentRequest(valid)).toBe(true);
    });

    it('then both BPMN endings and up to 100 resources are accepted', () => {
      const resources = Array.from({ length: 100 }, (_, i) => ({
        name: i % 2 === 0 ? `p${i}.bpmn` : `p${i}.bpmn20.xml`,
        content: xml,
      }));
      expect(validateDeploymentRequest({ name: 'n', resources })).toEqual([]);
    });

    it('then a name of 200 characters is accepted', () => {
      expect(validateDeploymentRequest({ ...valid, name: 'n'.repeat(200) })).toEqual([]);
    });
  });

  describe('given a body that is not an object', () => {
    it.each([[null], [[]], ['lead.bpmn'], [undefined]])('when it is %j then the body is refused', (body) => {
      expect(validateDeploymentRequest(body)).toEqual([{ path: '', message: 'must be an object' }]);
      expect(isDeploymentRequest(body)).toBe(false);
    });
  });

  describe('given a bad deployment name', () => {
    it.each([
      [{ resources: valid.resources }, 'is required'],
      [{ ...valid, name: '' }, 'must not be empty'],
      [{ ...valid, name: 'n'.repeat(201) }, 'must be at most 200 characters long'],
      [{ ...valid, name: 42 }, 'must be a string'],
    ])('when the body is %j then name is refused', (body, message) => {
      expect(validateDeploymentRequest(body)).toEqual([{ path: 'name', message }]);
    });
  });

  describe('given a bad resource list', () => {
    it.each([
      [{ name: 'n' }, 'is required'],
      [{ name: 'n', resources: [] }, 'must not be empty'],
      [{ name: 'n', resources: { name: 'lead.bpmn', content: xml } }, 'must be an array'],
    ])('when the body is %j then resources is refused', (body, message) => {
      expect(validateDeploymentRequest(body)).toEqual([{ path: 'resources', message }]);
    });

    it('when there are more than 100 resources then resources is refused once', () => {
      const resources = Array.from({ length: 101 }, (_, i) => ({ name: `p${i}.bpmn`, content: xml }));
      expect(validateDeploymentRequest({ name: 'n', resources })).toEqual([{ path: 'resources', message: 'must have at most 100 items' }]);
    });
  });

  describe('given a bad resource', () => {
    it.each([
      [null, 'resources[0]', 'must be an object'],
      [{ content: xml }, 'resources[0].name', 'is required'],
      [{ name: 'lead.bpmn' }, 'resources[0].content', 'is required'],
      [{ name: 7, content: xml }, 'resources[0].name', 'must be a string'],
      [{ name: '', content: xml }, 'resources[0].name', 'must not be empty'],
      [{ name: `${'n'.repeat(251)}.bpmn`, content: xml }, 'resources[0].name', 'must be at most 255 characters long'],
      [{ name: 'lead.bpmn', content: '' }, 'resources[0].content', 'must not be empty'],
      [{ name: 'lead.bpmn', content: { xml } }, 'resources[0].content', 'must be a string'],
      [{ name: 'lead.bpmn', content: xml, kind: 'bpmn' }, 'resources[0].kind', 'is not allowed'],
    ])('when the resource is %j then %s is refused: %s', (resource, path, message) => {
      expect(validateDeploymentRequest({ name: 'n', resources: [resource] })).toEqual([{ path, message }]);
    });

    it.each(['lead.xml', 'lead.json', 'lead.bpmn.txt', '.bpmn'])('when a resource is named %s then its name must have a BPMN ending', (name) => {
      expect(validateDeploymentRequest({ name: 'n', resources: [{ name, content: xml }] })).toEqual([
        {
          path: 'resources[0].name',
          message: 'must end with .bpmn20.xml, .bpmn, .rule-set.json, .action.json, .contact-plan.json, .liquid, .fields.json or .form.json',
        },
      ]);
    });

    it('when two resources share a name then the second is named', () => {
      const resource = { name: 'lead.bpmn', content: xml };
      expect(validateDeploymentRequest({ name: 'n', resources: [resource, { name: 'other.bpmn', content: xml }, resource] })).toEqual([
        { path: 'resources[2].name', message: 'must be unique: resources[0].name is also "lead.bpmn"' },
      ]);
    });
  });

  describe('given unexpected fields', () => {
    it('then each is named', () => {
      expect(validateDeploymentRequest({ ...valid, tenant: 't', __proto__x: 1 })).toEqual([
        { path: 'tenant', message: 'is not allowed' },
        { path: '__proto__x', message: 'is not allowed' },
      ]);
    });

    it('then an own __proto__ property from JSON.parse is refused', () => {
      const body: unknown = JSON.parse(`{"name":"n","resources":[{"name":"a.bpmn","content":"x"}],"__proto__":{"admin":true}}`);
      expect(validateDeploymentRequest(body)).toEqual([{ path: '__proto__', message: 'is not allowed' }]);
    });
  });

  describe('given many problems at once', () => {
    it('then every one is listed with its path', () => {
      const issues = validateDeploymentRequest({
        name: '',
        resources: [{ name: 'a.txt', content: xml }, { name: 'b.bpmn', content: 1 }, {}],
      });
      expect(issues).toHaveLength(5);
      expect(issues).toEqual(
        expect.arrayContaining([
          { path: 'name', message: 'must not be empty' },
          {
            path: 'resources[0].name',
            message: 'must end with .bpmn20.xml, .bpmn, .rule-set.json, .action.json, .contact-plan.json, .liquid, .fields.json or .form.json',
          },
          { path: 'resources[1].content', message: 'must be a string' },
          { path: 'resources[2].name', message: 'is required' },
          { path: 'resources[2].content', message: 'is required' },
        ]),
      );
      expect(isDeploymentRequest({ name: '', resources: [] })).toBe(false);
    });
  });
});

import { compileTaskForm, parseTaskForm, taskFormDeploymentProblems, taskFormLimits, validateTaskForm, type TaskFormSchema } from './task-form.js';

const firstContact: TaskFormSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'First contact',
  type: 'object',
  properties: {
    reached: { type: 'boolean', title: 'Reached the buyer' },
    nextContact: { type: 'string', format: 'date', title: 'Next contact' },
    budget: { type: 'number', minimum: 0 },
    channel: { type: 'string', enum: ['phone', 'mail'] },
    code: { type: 'string', pattern: '^[A-Z]{3}$' },
  },
  required: ['reached', 'nextContact'],
};

describe('task forms', () => {
  describe('given a valid form', () => {
    it('when parsed then it is accepted as written', () => {
      expect(parseTaskForm(JSON.stringify(firstContact))).toEqual({ ok: true, form: firstContact });
    });

    it('when a completion is checked then valid variables pass and each wrong field is named below variables', () => {
      const check = compileTaskForm(firstContact);
      expect(check({ reached: true, nextContact: '2026-12-24', budget: 10 })).toEqual([]);
      expect(check({ reached: 'yes', budget: -1, nextContact: '2026-13-01' })).toEqual(
        expect.arrayContaining([
          { path: 'variables.reached', message: 'must be a boolean' },
          { path: 'variables.budget', message: 'must be >= 0' },
          { path: 'variables.nextContact', message: 'must match format "date"' },
        ]),
      );
      expect(check({ reached: true })).toEqual([{ path: 'variables.nextContact', message: 'is required' }]);
    });
  });

  describe('given a document that is not a form', () => {
    it.each([
      ['not JSON', '{', '', /^is not valid JSON/],
      ['an array', '[]', '', /^must be a JSON Schema object$/],
      ['not an object type', JSON.stringify({ ...firstContact, type: 'array' }), 'type', /^must be "object"/],
      ['no properties', JSON.stringify({ type: 'object' }), 'properties', /^is required: an object of the fields/],
      ['empty properties', JSON.stringify({ type: 'object', properties: {} }), 'properties', /^is required/],
      ['a title that is not text', JSON.stringify({ ...firstContact, title: 3 }), 'title', /^must be a string$/],
      [
        'a bad field name',
        JSON.stringify({ type: 'object', properties: { 'first name': { type: 'string' } } }),
        'properties["first name"]',
        /^name must start/,
      ],
      ['a field that is not a schema', JSON.stringify({ type: 'object', properties: { a: 1 } }), 'properties.a', /^must be an object/],
      ['required not a list', JSON.stringify({ ...firstContact, required: 'reached' }), 'required', /^must be an array/],
      [
        'required naming no field',
        JSON.stringify({ ...firstContact, required: ['reached', 'nope'] }),
        'required[1]',
        /^must name a field of properties \("nope" is none\)$/,
      ],
      ['an unsafe pattern', JSON.stringify({ type: 'object', properties: { a: { type: 'string', pattern: '(a+)+$' } } }), 'properties.a.pattern', /quantif/],
      [
        'an unknown keyword',
        JSON.stringify({ type: 'object', properties: { a: { type: 'string', minLenght: 2 } } }),
        '',
        /^is not a valid JSON Schema \(strict mode: unknown keyword: "minLenght"\)$/,
      ],
      [
        'an unknown format',
        JSON.stringify({ type: 'object', properties: { a: { type: 'string', format: 'phone' } } }),
        '',
        /^is not a valid JSON Schema \(unknown format "phone"/,
      ],
    ])('when it has %s then it is refused naming the path', (_, text, path, message) => {
      const result = parseTaskForm(text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems).toContainEqual({ path, message: expect.stringMatching(message) });
    });

    it('when it is longer than the limit then it is refused unread', () => {
      expect(parseTaskForm(' '.repeat(taskFormLimits.maxResourceLength + 1))).toEqual({
        ok: false,
        problems: [{ path: '', message: `is longer than ${taskFormLimits.maxResourceLength} characters` }],
      });
    });

    it('when it has too many fields then the count is refused', () => {
      const properties = Object.fromEntries(Array.from({ length: taskFormLimits.maxFields + 1 }, (_, i) => [`f${i}`, { type: 'string' }]));
      expect(validateTaskForm({ type: 'object', properties })).toContainEqual({
        path: 'properties',
        message: `must have at most ${taskFormLimits.maxFields} fields`,
      });
    });

    it('when it is nested too deeply then the deep place is named', () => {
      let deep: Record<string, unknown> = { type: 'string' };
      for (let i = 0; i < 12; i++) deep = { type: 'object', properties: { x: deep } };
      expect(validateTaskForm({ type: 'object', properties: { a: deep } })).toContainEqual({
        path: expect.stringMatching(/^properties\.a\.properties\.x/),
        message: 'is nested too deeply (at most 12 levels)',
      });
    });
  });

  describe('when problems become deployment problems', () => {
    it('then each names the resource, the path and the reason', () => {
      expect(
        taskFormDeploymentProblems('forms/a.form.json', [
          { path: '', message: 'is not valid JSON (x)' },
          { path: 'type', message: 'must be "object"' },
        ]),
      ).toEqual([
        { resource: 'forms/a.form.json', path: '', message: 'the form is not valid JSON (x)' },
        { resource: 'forms/a.form.json', path: 'type', message: 'type must be "object"' },
      ]);
    });
  });
});

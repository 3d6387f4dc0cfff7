import { Liquid } from 'liquidjs';
import { TemplateRenderer } from './template-renderer.js';

const lead = { contact: { name: 'Jane', email: 'jane@acme.com' }, owner: 'anna', budget: 50000 };

describe('TemplateRenderer', () => {
  describe('given process variables', () => {
    it('when a template names them then they are rendered, with filters', () => {
      const renderer = new TemplateRenderer();
      expect(renderer.render('Hello {{ contact.name | upcase }}, budget {{ budget }}', lead)).toEqual({ ok: true, text: 'Hello JANE, budget 50000' });
    });

    it('when a variable is missing then it renders empty', () => {
      expect(new TemplateRenderer().render('[{{ contact.phone }}]', lead)).toEqual({ ok: true, text: '[]' });
    });
  });

  describe('given deployed template resources', () => {
    const renderer = new TemplateRenderer({ signature: 'Best, {{ owner }}', 'offer-mail': 'Dear {{ contact.name }}\n{% render "signature", owner: owner %}' });

    it('when a template renders another by name then it comes from memory', () => {
      expect(renderer.render('Hi. {% render "signature", owner: owner %}', lead)).toEqual({ ok: true, text: 'Hi. Best, anna' });
      expect(renderer.renderNamed('offer-mail', lead)).toEqual({ ok: true, text: 'Dear Jane\nBest, anna' });
    });

    it('when a name is not deployed then rendering fails', () => {
      expect(renderer.renderNamed('missing', lead)).toMatchObject({ ok: false });
    });
  });

  describe('given a template that tries to read a file', () => {
    const renderer = new TemplateRenderer({ signature: 'x' });

    it('when liquidjs runs with its defaults then it does read files (the threat these specs guard against)', () => {
      const plain = new Liquid({ root: process.cwd() });
      expect(plain.parseAndRenderSync("{% render 'package.json' %}")).toMatch(/"name": "stageflow"/);
    });

    it.each([
      ['an absolute include', "{% include '/etc/passwd' %}"],
      ['a relative include', "{% include '../../../package.json' %}"],
      ['a render of a file in the working directory', "{% render 'package.json' %}"],
      ['a layout', "{% layout '/etc/hostname' %}body"],
      ['an include by a variable', '{% include file %}'],
    ])('when it uses %s then it fails and shows nothing of the file', (_, source) => {
      const rendered = renderer.render(source, { file: '/etc/passwd' });
      expect(rendered.ok).toBe(false);
      expect(JSON.stringify(rendered)).not.toMatch(/root:|"name": "stageflow"/);
    });
  });

  describe('given a template that tries to read the environment or code', () => {
    const renderer = new TemplateRenderer();

    it('when it names process, env or globals then they render empty', () => {
      process.env.STAGEFLOW_TEMPLATE_SPEC_SECRET = 'do-not-leak';
      try {
        const source =
          '{{ process.env.STAGEFLOW_TEMPLATE_SPEC_SECRET }}|{{ env.STAGEFLOW_TEMPLATE_SPEC_SECRET }}|{{ global.process }}|{{ globalThis }}|{{ require }}';
        expect(renderer.render(source, lead)).toEqual({ ok: true, text: '||||' });
      } finally {
        delete process.env.STAGEFLOW_TEMPLATE_SPEC_SECRET;
      }
    });

    it('when it reaches for prototypes or constructors then they render empty', () => {
      const source =
        '{{ contact.constructor }}|{{ contact.__proto__ }}|{{ contact.constructor.constructor }}|{{ contact.email.constructor }}|{{ contact.toString }}';
      expect(renderer.render(source, lead)).toEqual({ ok: true, text: '||||' });
    });

    it('when it uses an unknown filter then it fails', () => {
      expect(renderer.render('{{ contact.name | eval }}', lead)).toMatchObject({ ok: false, message: expect.stringMatching(/undefined filter: eval/) });
    });
  });

  describe('given a template that would run away', () => {
    it('when it loops too long then the render fails instead of stalling', () => {
      const rendered = new TemplateRenderer().render('{% for i in (1..100000000) %}{{ i }}{% endfor %}', {});
      expect(rendered).toMatchObject({ ok: false });
    });
  });

  describe('given the deploy check', () => {
    it('when a template does not parse then the reason is given, else nothing', () => {
      const renderer = new TemplateRenderer();
      expect(renderer.check('{% if x %}open')).toMatch(/not closed|tag .* not closed/);
      expect(renderer.check('Hello {{ contact.name }}')).toBeUndefined();
    });
  });
});

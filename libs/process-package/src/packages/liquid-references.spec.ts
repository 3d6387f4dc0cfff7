import { liquidParameterNames, liquidTemplateNames } from './liquid-references.js';

describe('liquid references', () => {
  it.each([
    ['Contact within {{ params.firstContactSlaHours }} h', ['firstContactSlaHours']],
    ['{{params.a | plus: params.b}} {% if params["c"] > 1 %}x{% endif %}', ['a', 'b', 'c']],
    ["{%- assign n = params['d'] -%}{{ params.a }}", ['d', 'a']],
  ])('when a template is %s then it reads the parameters %j', (source, names) => {
    expect(liquidParameterNames(source)).toEqual(names);
  });

  it.each([
    ['text outside tags', 'see params.sla in the manual'],
    ['another object of the same name', '{{ lead.params.x }} {{ myparams.y }}'],
  ])('when a template has %s then it reads no parameter', (_, source) => {
    expect(liquidParameterNames(source)).toEqual([]);
  });

  it('when a template includes, renders and extends others then each literal name is listed once', () => {
    expect(liquidTemplateNames(`{% layout "frame" %}{% include 'signature' %}{%- render "signature", x: 1 -%}{% include name %}`)).toEqual([
      'frame',
      'signature',
    ]);
  });
});

import { describeResourceSuffixes, formKey, resourceKind, templateKey } from './resource-kind.js';

describe('resourceKind', () => {
  describe('given a BPMN file name', () => {
    it.each(['lead.bpmn', 'lead.bpmn20.xml', 'diagrams/lead-qualification.bpmn', 'Lead.BPMN', 'LEAD.BPMN20.XML'])(
      'when the name is %s then it is a bpmn resource',
      (name) => {
        expect(resourceKind(name)).toBe('bpmn');
      },
    );
  });

  describe('given a rule set file name', () => {
    it.each(['territory.rule-set.json', 'rules/lead-classification.rule-set.json', 'BANT.RULE-SET.JSON'])(
      'when the name is %s then it is a rule-set resource',
      (name) => {
        expect(resourceKind(name)).toBe('rule-set');
      },
    );
  });

  describe('given a task form file name', () => {
    it.each(['first-contact.form.json', 'forms/offer.form.json', 'Review.FORM.JSON'])('when the name is %s then it is a form resource', (name) => {
      expect(resourceKind(name)).toBe('form');
    });
  });

  describe('given a name we do not deploy', () => {
    it.each([
      'lead.xml',
      'lead.bpmn.txt',
      'lead',
      '.bpmn',
      '.bpmn20.xml',
      '',
      '.rule-set.json',
      'territory.json',
      'territory.rule-set.json.txt',
      'lead.bpmn2',
      '.form.json',
      'offer.form',
    ])('when the name is "%s" then it has no kind', (name) => {
      expect(resourceKind(name)).toBeUndefined();
    });
  });

  describe('when the accepted endings are described', () => {
    it('then every ending is listed', () => {
      expect(describeResourceSuffixes()).toBe('.bpmn20.xml, .bpmn, .rule-set.json, .action.json, .contact-plan.json, .liquid, .fields.json or .form.json');
    });
  });
});

describe('templateKey', () => {
  it.each([
    ['offer-mail.liquid', 'offer-mail'],
    ['mail/signature.liquid', 'signature'],
    ['Welcome.LIQUID', 'Welcome'],
  ])('given the template resource %s then it is known as %s', (name, key) => {
    expect(templateKey(name)).toBe(key);
  });

  it.each(['lead.bpmn', 'my mail.liquid', 'mail/.liquid', 'x.liquid.txt'])('given %s then it has no template key', (name) => {
    expect(templateKey(name)).toBeUndefined();
  });
});

describe('formKey', () => {
  it.each([
    ['first-contact.form.json', 'first-contact'],
    ['forms/offer.form.json', 'offer'],
  ])('given the form resource %s then it is known as %s', (name, key) => {
    expect(formKey(name)).toBe(key);
  });

  it.each(['offer.liquid', 'my form.form.json', 'forms/.form.json'])('given %s then it has no form key', (name) => {
    expect(formKey(name)).toBeUndefined();
  });
});

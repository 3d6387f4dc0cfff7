import { renderAction } from './render-action.js';
import { TemplateRenderer } from './template-renderer.js';

const lead = { contact: { name: 'Jane', email: 'jane@acme.com' }, owner: 'anna', budget: 50000 };

describe('renderAction', () => {
  describe('given an action whose text fields are templates', () => {
    it('when rendered then every text field holds its text and other fields stay', () => {
      const rendered = renderAction(
        { type: 'createTask', title: 'Call {{ contact.name }}', description: 'Budget {{ budget }}', dueIn: 'P2D' },
        new TemplateRenderer(),
        lead,
      );
      expect(rendered).toEqual({ ok: true, action: { type: 'createTask', title: 'Call Jane', description: 'Budget 50000', dueIn: 'P2D' } });
    });
  });

  describe('given startContactPlan whose plan a rule result picks', () => {
    it('when rendered then the plan is the key the rule gave', () => {
      const rendered = renderAction({ type: 'startContactPlan', plan: '{{ bant.contactPlan }}' }, new TemplateRenderer(), {
        bant: { contactPlan: 'hot-lead' },
      });
      expect(rendered).toEqual({ ok: true, action: { type: 'startContactPlan', plan: 'hot-lead' } });
    });
  });

  describe('given startProcess naming the record the new instance is about', () => {
    it('when rendered then the business key is the rendered text beside the rendered variables', () => {
      const rendered = renderAction(
        { type: 'startProcess', processKey: 'account', businessKey: 'organization:{{ deal.organizationId }}', variables: { owner: '{{ owner }}' } },
        new TemplateRenderer(),
        { ...lead, deal: { organizationId: 'org-7' } },
      );
      expect(rendered).toEqual({
        ok: true,
        action: { type: 'startProcess', processKey: 'account', businessKey: 'organization:org-7', variables: { owner: 'anna' } },
      });
    });
  });

  describe('given setVariables', () => {
    it('when rendered then string values are rendered at any depth and other values are kept', () => {
      const rendered = renderAction(
        { type: 'setVariables', variables: { owner: '{{ owner }}', deal: { tags: ['{{ contact.name | downcase }}', 3], won: false } } },
        new TemplateRenderer(),
        lead,
      );
      expect(rendered).toEqual({ ok: true, action: { type: 'setVariables', variables: { owner: 'anna', deal: { tags: ['jane', 3], won: false } } } });
    });
  });

  describe('given record actions', () => {
    it('when rendered then every string of fields is rendered and the record and activity texts too', () => {
      expect(
        renderAction(
          { type: 'createRecord', recordType: 'contact', fields: { lastName: '{{ contact.name }}', consentEmail: true }, resultVariable: 'contactId' },
          new TemplateRenderer(),
          lead,
        ),
      ).toEqual({
        ok: true,
        action: { type: 'createRecord', recordType: 'contact', fields: { lastName: 'Jane', consentEmail: true }, resultVariable: 'contactId' },
      });
      expect(renderAction({ type: 'setRecordFields', record: 'lead:{{ owner }}', fields: { budget: '{{ budget }}' } }, new TemplateRenderer(), lead)).toEqual({
        ok: true,
        action: { type: 'setRecordFields', record: 'lead:anna', fields: { budget: '50000' } },
      });
      expect(renderAction({ type: 'addActivity', kind: 'call', subject: 'Call {{ contact.name }}', dueIn: 'P1D' }, new TemplateRenderer(), lead)).toEqual({
        ok: true,
        action: { type: 'addActivity', kind: 'call', subject: 'Call Jane', dueIn: 'P1D' },
      });
    });
  });

  describe('given an e-mail with a deployed template', () => {
    it('when rendered then the template becomes the body', () => {
      const renderer = new TemplateRenderer({ welcome: 'Dear {{ contact.name }}' });
      expect(renderAction({ type: 'sendEmail', to: '{{ contact.email }}', subject: 'Hi', template: 'welcome' }, renderer, lead)).toEqual({
        ok: true,
        action: { type: 'sendEmail', to: 'jane@acme.com', subject: 'Hi', body: 'Dear Jane' },
      });
    });

    it('when the template is not deployed (any more) then the template field is named', () => {
      expect(renderAction({ type: 'sendEmail', to: 'x', subject: 'y', template: 'gone' }, new TemplateRenderer(), lead)).toEqual({
        ok: false,
        field: 'template',
        message: expect.any(String),
      });
    });
  });

  describe('given createDocument and a sendEmail with attachments', () => {
    const renderer = new TemplateRenderer({ offer: '# Offer for {{ contact.name }}\n\nBudget: {{ budget }}' });

    it('when rendered then the named template is the content, the file name and record are rendered, the template key stays', () => {
      expect(
        renderAction(
          { type: 'createDocument', template: 'offer', fileName: 'Offer {{ contact.name }}', record: 'lead:{{ owner }}', resultVariable: 'doc' },
          renderer,
          lead,
        ),
      ).toEqual({
        ok: true,
        action: {
          type: 'createDocument',
          template: 'offer',
          fileName: 'Offer Jane',
          record: 'lead:anna',
          resultVariable: 'doc',
          content: '# Offer for Jane\n\nBudget: 50000',
        },
      });
    });

    it('when the document template is not deployed (any more) then the template field is named', () => {
      expect(renderAction({ type: 'createDocument', template: 'gone', fileName: 'x' }, renderer, lead)).toEqual({
        ok: false,
        field: 'template',
        message: expect.any(String),
      });
    });

    it('when an e-mail names attachments then each is rendered, a failing one named by its index', () => {
      expect(renderAction({ type: 'sendEmail', to: 'x', subject: 'y', attachments: ['{{ owner }}', ''] }, renderer, lead)).toEqual({
        ok: true,
        action: { type: 'sendEmail', to: 'x', subject: 'y', attachments: ['anna', ''] },
      });
      expect(renderAction({ type: 'sendEmail', to: 'x', subject: 'y', attachments: ['ok', '{{ owner | eval }}'] }, renderer, lead)).toMatchObject({
        ok: false,
        field: 'attachments[1]',
      });
    });
  });

  describe('given a field that fails to render', () => {
    it('then that field is named with the reason', () => {
      expect(renderAction({ type: 'notifyUser', user: 'anna', message: '{{ owner | eval }}' }, new TemplateRenderer(), lead)).toEqual({
        ok: false,
        field: 'message',
        message: expect.stringMatching(/undefined filter: eval/),
      });
    });
  });
});

import { bpmnProcess, sequenceFlowXml } from '@stageflow/bpmn-runtime';
import { packageLimits } from './package-limits.js';
import { manifestWith, packageFiles, sampleManifest, samplePackage, sampleTexts } from './sample-package.testing.js';
import { validatePackage } from './validate-package.js';

async function problemsOf(files: Parameters<typeof validatePackage>[0]) {
  const result = await validatePackage(files);
  if (result.ok) throw new Error('expected the package to be refused');
  return result.problems;
}

const listed = (...extra: string[]) => ({ resources: [...sampleManifest.resources, ...extra] });

describe('validatePackage', () => {
  describe('given the sample package with every resource kind', () => {
    it('then it is accepted with its resources in manifest order, the parameter defaults and the live parameters', async () => {
      const result = await validatePackage(samplePackage());
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      expect(result.package.manifest).toEqual(sampleManifest);
      expect(result.package.resources.map((resource) => resource.name)).toEqual(sampleManifest.resources);
      expect(result.package.resources[0]).toEqual({ name: 'tender.bpmn', content: sampleTexts()['tender.bpmn'] });
      expect(result.package.parameterDefaults).toEqual({ slaHours: 24, minScore: 50, stages: ['Open', 'Bid'] });
      expect(result.package.liveParameters).toEqual(['slaHours']);
    });
  });

  describe('given files the manifest does not account for', () => {
    it('when manifest.json is missing then it is named', async () => {
      expect(await problemsOf(samplePackage({ 'manifest.json': undefined }))).toContainEqual({
        resource: 'manifest.json',
        message: 'is missing: a package has manifest.json at its root',
      });
    });

    it('when a file is not listed then the file is named', async () => {
      expect(await problemsOf(samplePackage({ 'mail/extra.liquid': 'x' }))).toEqual([
        { resource: 'mail/extra.liquid', message: 'is in the package but not listed in manifest.json resources' },
      ]);
    });

    it('when a listed file is missing then the file and its place in the list are named', async () => {
      expect(await problemsOf(samplePackage({ 'manifest.json': manifestWith(listed('mail/gone.liquid')) }))).toEqual([
        { resource: 'mail/gone.liquid', message: 'is listed in manifest.json (resources[9]) but is not in the package' },
      ]);
    });

    it('when a file is listed twice, or manifest.json is listed, or a listed path leaves the package, then the list entry is named', async () => {
      expect(await problemsOf(samplePackage({ 'manifest.json': manifestWith(listed('tender.bpmn', 'manifest.json', '../x.bpmn')) }))).toEqual([
        { resource: 'manifest.json', path: 'resources[9]', message: 'resources[9] lists "tender.bpmn" a second time' },
        { resource: 'manifest.json', path: 'resources[10]', message: 'resources[10] lists manifest.json itself; list only the other files' },
        { resource: 'manifest.json', path: 'resources[11]', message: 'resources[11] "../x.bpmn" must not contain "..", "." or empty folder names' },
      ]);
    });

    it('when a file has an unknown kind then the accepted endings are named', async () => {
      expect(await problemsOf(samplePackage({ 'manifest.json': manifestWith(listed('notes.txt')), 'notes.txt': 'x' }))).toEqual([
        {
          resource: 'notes.txt',
          message:
            'is not a resource a package can hold: the name must end with .bpmn20.xml, .bpmn, .rule-set.json, .action.json, .contact-plan.json, .liquid, .fields.json or .form.json',
        },
      ]);
    });

    it('when a file is not UTF-8 then it is named', async () => {
      const files = samplePackage();
      files.find((file) => file.path === 'lead.fields.json')!.content = new Uint8Array([0xff, 0xfe, 0x00]);
      expect(await problemsOf(files)).toEqual([{ resource: 'lead.fields.json', message: 'is not UTF-8 text' }]);
    });

    it('when paths are unsafe, repeated or differ only in case then each is named', async () => {
      const files = [...samplePackage(), ...packageFiles({ '/etc/x.liquid': 'x', 'a\\b.liquid': 'x', 'C:/x.liquid': 'x', 'Tender.bpmn': 'x' })];
      files.push({ ...files[0]! });
      expect(await problemsOf(files)).toEqual(
        expect.arrayContaining([
          { resource: '/etc/x.liquid', message: 'must be a relative path, not an absolute one' },
          { resource: 'a\\b.liquid', message: 'must use / between folders, not \\' },
          { resource: 'C:/x.liquid', message: 'must not start with a drive letter' },
          { resource: 'Tender.bpmn', message: 'differs from tender.bpmn only in upper and lower case' },
          { resource: 'manifest.json', message: 'is in the package twice' },
        ]),
      );
    });

    it('when there are too many files or bytes then the limits are named', async () => {
      const many = Array.from({ length: packageLimits.maxFiles }, (_, i) => ({ path: `m/${i}.liquid`, content: new Uint8Array(0) }));
      const big = { path: 'big.liquid', content: new Uint8Array(packageLimits.maxUnpackedBytes) };
      expect(await problemsOf([...samplePackage(), ...many, big])).toEqual(
        expect.arrayContaining([
          { resource: '(archive)', message: `holds ${packageLimits.maxFiles + 11} files; a package may have at most ${packageLimits.maxFiles}` },
          { resource: '(archive)', message: expect.stringMatching(/^holds \d+ bytes; a package may have at most 52428800 bytes$/) },
        ]),
      );
    });
  });

  describe('given a manifest that is not valid on its own', () => {
    it('when it is not JSON then the manifest is named', async () => {
      expect(await problemsOf(samplePackage({ 'manifest.json': '{' }))).toContainEqual({
        resource: 'manifest.json',
        path: '',
        message: expect.stringMatching(/^the manifest is not valid JSON/),
      });
    });

    it('when fields are wrong then each is named by its path, and the parameter checks that need a manifest are skipped', async () => {
      const problems = await problemsOf(
        samplePackage({ 'manifest.json': manifestWith({ name: 'Tender!', version: '1.0', recordTypes: { contact: { process: 'x' } } }) }),
      );
      expect(problems).toEqual([
        { resource: 'manifest.json', path: 'name', message: 'name must match pattern "^[a-z][a-z0-9-]{1,49}$"' },
        { resource: 'manifest.json', path: 'recordTypes.contact', message: 'recordTypes.contact is not allowed' },
        { resource: 'manifest.json', path: 'version', message: 'version must be a semantic version such as 1.2.0 ("1.0" is not)' },
      ]);
    });
  });

  describe('given a resource that is invalid by its own kind', () => {
    it.each([
      ['a diagram', 'tender.bpmn', '<bpmn:definitions', /./],
      ['a rule set', 'rules/rating.rule-set.json', '{"key": "rating"}', /is required/],
      ['an action template', 'notify-team.action.json', '{"key": "notify-team"}', /is required/],
      ['a contact plan', 'nurture.contact-plan.json', '{"key": "nurture"}', /is required/],
      ['a form', 'forms/qualify.form.json', '{"type": "array"}', /must be "object"/],
      ['a custom-field schema', 'lead.fields.json', '{"type": "object", "properties": {"x": {"type": "date"}}}', /must be one of/],
    ])('when %s is broken then its own validator names the problem', async (_, path, text, message) => {
      const problems = await problemsOf(samplePackage({ [path]: text }));
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.filter((problem) => problem.resource === path)).toContainEqual(
        expect.objectContaining({ resource: path, message: expect.stringMatching(message) }),
      );
    });

    it('when a custom-field schema is for no record type, or two are for one, then it is named', async () => {
      const fields = sampleTexts()['lead.fields.json']!;
      const manifest = manifestWith(listed('ticket.fields.json', 'crm/lead.fields.json'));
      expect(await problemsOf(samplePackage({ 'manifest.json': manifest, 'ticket.fields.json': fields, 'crm/lead.fields.json': fields }))).toEqual([
        {
          resource: 'ticket.fields.json',
          message:
            '"ticket" is not a record type (the file name must be one of organization.fields.json, contact.fields.json, lead.fields.json, opportunity.fields.json, activity.fields.json)',
        },
        { resource: 'crm/lead.fields.json', message: 'the custom fields of lead are also defined in lead.fields.json' },
      ]);
    });

    it('when keys are defined twice or a file name is not a key then the second file is named', async () => {
      const texts = sampleTexts();
      const manifest = manifestWith(
        listed(
          'other.bpmn',
          'rules/again.rule-set.json',
          'again.action.json',
          'again.contact-plan.json',
          'other/welcome.liquid',
          'other/qualify.form.json',
          'bad name.liquid',
          'bad name.form.json',
        ),
      );
      const problems = await problemsOf(
        samplePackage({
          'manifest.json': manifest,
          'other.bpmn': texts['tender.bpmn'],
          'rules/again.rule-set.json': texts['rules/rating.rule-set.json'],
          'again.action.json': texts['notify-team.action.json'],
          'again.contact-plan.json': texts['nurture.contact-plan.json'],
          'other/welcome.liquid': 'x',
          'other/qualify.form.json': texts['forms/qualify.form.json'],
          'bad name.liquid': 'x',
          'bad name.form.json': texts['forms/qualify.form.json'],
        }),
      );
      expect(problems).toEqual([
        { resource: 'other.bpmn', elementId: 'tender', message: 'process id "tender" is also defined in tender.bpmn' },
        { resource: 'rules/again.rule-set.json', message: 'rule set key "rating" is also defined in rules/rating.rule-set.json' },
        { resource: 'again.action.json', message: 'action template key "notify-team" is also defined in notify-team.action.json' },
        { resource: 'again.contact-plan.json', message: 'contact plan key "nurture" is also defined in nurture.contact-plan.json' },
        { resource: 'other/welcome.liquid', message: 'template "welcome" is also defined in mail/welcome.liquid' },
        { resource: 'other/qualify.form.json', message: 'form "qualify" is also defined in forms/qualify.form.json' },
        {
          resource: 'bad name.liquid',
          message: 'the file name (without folders and .liquid) must be a template key: letters, digits, _ . - (at most 100 characters)',
        },
        {
          resource: 'bad name.form.json',
          message: 'the file name (without folders and .form.json) must be a form key: letters, digits, _ . - (at most 100 characters)',
        },
      ]);
    });
  });

  describe('given cross references that do not resolve inside the package', () => {
    const diagram = sampleTexts()['tender.bpmn']!;

    it('when the diagram names a missing rule set, action template, form and parameter then each is named with its element', async () => {
      const broken = diagram
        .replace('stageflow:ruleSet="rating"', 'stageflow:ruleSet="scoring"')
        .replace('stageflow:action="notify-team"', 'stageflow:action="notify-all"')
        .replace('stageflow:formKey="qualify"', 'stageflow:formKey="intake"')
        .replace('params.minScore', 'params.threshold');
      expect(await problemsOf(samplePackage({ 'tender.bpmn': broken }))).toEqual([
        { resource: 'tender.bpmn', elementId: 'rate', message: 'stageflow:ruleSet "scoring" is not a rule set of the package' },
        { resource: 'tender.bpmn', elementId: 'notify', message: 'stageflow:action "notify-all" is not an action template of the package' },
        { resource: 'tender.bpmn', elementId: 'qualify', message: 'stageflow:formKey "intake" is not a form of the package (intake.form.json)' },
        { resource: 'tender.bpmn', elementId: 'go', message: 'params.threshold is not a parameter declared in manifest.json' },
      ]);
    });

    it('when an assignment or exit criteria names a rule set of another kind then both kinds are named', async () => {
      const broken = diagram.replace('stageflow:assignment="route"', 'stageflow:assignment="rating"');
      expect(await problemsOf(samplePackage({ 'tender.bpmn': broken }))).toEqual([
        { resource: 'tender.bpmn', elementId: 'qualify', message: 'stageflow:assignment "rating" is a classification rule set, not an assignment rule set' },
      ]);
    });

    it('when a createDocument action names a template the package does not have then its path is named', async () => {
      const notify = JSON.parse(sampleTexts()['notify-team.action.json']!);
      notify.action = { type: 'createDocument', template: 'offer-pdf', fileName: 'Offer', resultVariable: 'offerDocumentId' };
      expect(await problemsOf(samplePackage({ 'notify-team.action.json': JSON.stringify(notify) }))).toEqual([
        {
          resource: 'notify-team.action.json',
          path: 'action.template',
          message: 'action.template "offer-pdf" is not a template of the package (offer-pdf.liquid)',
        },
      ]);
    });

    it('when rule sets, action templates and contact plans name missing templates, plans and parameters then each path is named', async () => {
      const texts = sampleTexts();
      const notify = JSON.parse(texts['notify-team.action.json']!);
      notify.action = { ...notify.action, template: 'offer', subject: '{{ params.deadline }}' };
      const plan = JSON.parse(texts['nurture.contact-plan.json']!);
      plan.steps[0].action.template = 'hello';
      const rating = JSON.parse(texts['rules/rating.rule-set.json']!);
      rating.rules[0].conditions.all[1].path = '$.maxScore';
      expect(
        await problemsOf(
          samplePackage({
            'notify-team.action.json': JSON.stringify(notify),
            'nurture.contact-plan.json': JSON.stringify(plan),
            'rules/rating.rule-set.json': JSON.stringify(rating),
          }),
        ),
      ).toEqual([
        {
          resource: 'rules/rating.rule-set.json',
          elementId: 'big',
          path: 'rules[0].conditions',
          message: 'params.maxScore is not a parameter declared in manifest.json',
        },
        { resource: 'notify-team.action.json', path: 'action.template', message: 'action.template "offer" is not a template of the package (offer.liquid)' },
        { resource: 'notify-team.action.json', path: 'action.subject', message: 'params.deadline is not a parameter declared in manifest.json' },
        {
          resource: 'nurture.contact-plan.json',
          path: 'steps[0].action.template',
          message: 'steps[0].action.template "hello" is not a template of the package (hello.liquid)',
        },
      ]);
    });

    it('when an actions rule set or a territory names what the package lacks then the rule and path are named', async () => {
      const actions = {
        key: 'on-stage',
        name: 'On stage',
        kind: 'actions',
        hitPolicy: 'all',
        facts: { params: 'object' },
        rules: [
          {
            id: 'mail',
            conditions: { all: [] as unknown[] },
            result: {
              on: 'stageEntered',
              actions: [
                { type: 'sendEmail', to: 'a@example.com', subject: 'x', body: '{% render "footer" %}' },
                { type: 'startContactPlan', plan: 'follow-up' },
              ],
            },
          },
        ],
      };
      actions.rules[0]!.conditions = { any: [{ fact: 'params', path: '$.region', operator: 'equal', value: 'north' }] } as never;
      const territory = {
        key: 'territories',
        name: 'Territories',
        kind: 'territory',
        hitPolicy: 'first',
        facts: { country: 'string' },
        rules: [
          {
            id: 'de',
            conditions: { all: [{ fact: 'country', operator: 'equal', value: 'DE' }] },
            result: { territory: 'DACH', actions: ['on-stage', 'rating'] },
          },
        ],
        fallback: { territory: 'rest' },
      };
      const problems = await problemsOf(
        samplePackage({
          'manifest.json': manifestWith(listed('on-stage.rule-set.json', 'territories.rule-set.json')),
          'on-stage.rule-set.json': JSON.stringify(actions),
          'territories.rule-set.json': JSON.stringify(territory),
        }),
      );
      expect(problems).toEqual([
        {
          resource: 'on-stage.rule-set.json',
          elementId: 'mail',
          path: 'rules[0].conditions',
          message: 'params.region is not a parameter declared in manifest.json',
        },
        {
          resource: 'territories.rule-set.json',
          elementId: 'de',
          path: 'rules[0].result.actions[1]',
          message: 'rules[0].result.actions[1] "rating" is not an actions rule set of the package',
        },
        {
          resource: 'on-stage.rule-set.json',
          elementId: 'mail',
          path: 'rules[0].result.actions[0].body',
          message: 'rules[0].result.actions[0].body names the template "footer", which is not a template of the package',
        },
        {
          resource: 'on-stage.rule-set.json',
          elementId: 'mail',
          path: 'rules[0].result.actions[1].plan',
          message: 'rules[0].result.actions[1].plan "follow-up" is not a contact plan of the package',
        },
      ]);
    });

    it('when a liquid template names a missing template or parameter then the template is named', async () => {
      expect(await problemsOf(samplePackage({ 'mail/signature.liquid': '{{ params.sender }} {% include "logo" %}' }))).toEqual([
        { resource: 'mail/signature.liquid', message: 'params.sender is not a parameter declared in manifest.json' },
        { resource: 'mail/signature.liquid', message: 'names the template "logo", which is not a template of the package' },
      ]);
    });

    it('when recordTypes names a process no diagram has then the manifest path is named', async () => {
      expect(await problemsOf(samplePackage({ 'manifest.json': manifestWith({ recordTypes: { opportunity: { process: 'deal' } } }) }))).toEqual([
        {
          resource: 'manifest.json',
          path: 'recordTypes.opportunity.process',
          message: `recordTypes.opportunity.process "deal" is not a process of the package's diagrams`,
        },
      ]);
    });

    it('when two processes of the package start on one message then the second is refused naming the first', async () => {
      const starter = (id: string) =>
        bpmnProcess(
          `<bpmn:startEvent id="on-${id}"><bpmn:messageEventDefinition messageRef="form"/></bpmn:startEvent><bpmn:endEvent id="end"/>${sequenceFlowXml('f', `on-${id}`, 'end')}`,
          id,
        ).replace('<bpmn:process', '<bpmn:message id="form" name="web-form"/><bpmn:process');
      const problems = await problemsOf(
        samplePackage({ 'manifest.json': manifestWith(listed('web.bpmn', 'partner.bpmn')), 'web.bpmn': starter('web'), 'partner.bpmn': starter('partner') }),
      );
      expect(problems).toEqual([
        {
          resource: 'partner.bpmn',
          elementId: 'on-partner',
          message:
            'message start event for message "web-form": process "web" (in web.bpmn, element "on-web") already starts on that message; a message name can start only one process',
        },
      ]);
    });

    it('when the manifest declares no parameters then every params reference is refused', async () => {
      const { parameters: _none, ...rest } = sampleManifest;
      const problems = await problemsOf(samplePackage({ 'manifest.json': JSON.stringify(rest) }));
      expect(problems.map((problem) => problem.message)).toEqual(expect.arrayContaining(['params.slaHours is not a parameter declared in manifest.json']));
    });
  });
});

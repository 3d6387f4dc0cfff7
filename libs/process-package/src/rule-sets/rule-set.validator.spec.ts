import { parseRuleSet, ruleSetDeploymentProblems, validateRuleSet } from './rule-set.validator.js';

const territories = {
  key: 'lead-territories',
  name: 'Lead territories',
  kind: 'territory',
  hitPolicy: 'first',
  facts: { country: 'string', employees: 'number', industry: 'string', company: 'object', lastContactAt: 'date', tags: 'array' },
  rules: [
    {
      id: 'dach-enterprise',
      priority: 10,
      conditions: {
        all: [
          { fact: 'country', operator: 'in', value: ['DE', 'AT', 'CH'] },
          { fact: 'employees', operator: 'greaterThanInclusive', value: 1000 },
        ],
      },
      result: { territory: 'DACH Enterprise', team: 'dach-ent', owner: 'anna' },
    },
    {
      id: 'dach',
      conditions: {
        any: [
          { fact: 'country', operator: 'in', value: ['DE', 'AT', 'CH'] },
          { fact: 'company', path: '$.address.country', operator: 'equal', value: 'DE' },
        ],
      },
      result: { territory: 'DACH', team: 'dach' },
    },
  ],
  fallback: { territory: 'Unsorted' },
};

type Body = Record<string, unknown>;
const withRules = (rules: unknown[], patch: Body = {}): Body => ({ ...territories, rules, ...patch });
const ruleWith = (conditions: unknown, id = 'r1'): Body => ({ id, conditions, result: { territory: 'X' } });
const one = (condition: unknown): Body => withRules([ruleWith({ all: [condition] })]);

describe('validateRuleSet', () => {
  describe('given valid rule sets of every kind', () => {
    it('when it is a territory set with a fallback then it has no problem', () => {
      expect(validateRuleSet(territories)).toEqual([]);
    });

    it('when it is a BANT classification with hit policy all then it has no problem', () => {
      const bant = {
        key: 'bant',
        name: 'BANT',
        kind: 'classification',
        hitPolicy: 'all',
        facts: { budget: 'number', authority: 'boolean', need: 'string', timelineDays: 'number' },
        rules: [
          {
            id: 'expected-buyer',
            conditions: {
              all: [
                { fact: 'budget', operator: 'between', value: [10000, 1000000] },
                { fact: 'authority', operator: 'equal', value: true },
                { fact: 'timelineDays', operator: 'lessThanInclusive', value: 90 },
              ],
            },
            result: { segment: 'expectedBuyer', score: 90 },
          },
          { id: 'nurture', conditions: { not: { fact: 'authority', operator: 'equal', value: true } }, result: { segment: 'nurturable', score: 40 } },
        ],
      };
      expect(validateRuleSet(bant)).toEqual([]);
    });

    it('when it is an assignment or actions set then it has no problem', () => {
      const assignment = {
        ...territories,
        key: 'assign',
        kind: 'assignment',
        fallback: { strategy: 'unsorted' },
        rules: [ruleWith({ all: [{ fact: 'industry', operator: 'startsWith', value: 'Bank' }] })].map((rule) => ({
          ...rule,
          result: { strategy: 'skillMatch', team: 'fin', skills: ['banking'] },
        })),
      };
      const actions = {
        key: 'stage-actions',
        name: 'Stage actions',
        kind: 'actions',
        hitPolicy: 'all',
        facts: { stage: 'string', receivedAt: 'date' },
        rules: [
          {
            id: 'offer-sent',
            conditions: { all: [{ fact: 'stage', operator: 'equal', value: 'Offer' }] },
            result: {
              on: 'stageEntered',
              actions: [
                { type: 'createTask', title: 'Call {{ contact.name }}', dueIn: 'P2D', assignment: { strategy: 'territoryOwner' } },
                { type: 'sendEmail', to: '{{ contact.email }}', subject: 'Your offer', body: 'Hello {{ contact.name }}' },
                { type: 'callWebhook', url: 'https://erp.example.com/hooks/offer', body: '{"id": "{{ id }}"}', secret: 'erp' },
                { type: 'setVariables', variables: { offerSent: true } },
                { type: 'startProcess', processKey: 'follow-up' },
                { type: 'notifyUser', user: '{{ owner }}', message: 'Offer sent' },
              ],
            },
          },
          {
            id: 'after-hours',
            conditions: {
              not: {
                fact: 'receivedAt',
                operator: 'withinBusinessHours',
                value: { timezone: 'Europe/Berlin', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:30' },
              },
            },
            result: { on: 'messageReceived', actions: [{ type: 'notifyUser', user: 'manager', message: 'After-hours lead' }] },
          },
        ],
      };
      expect(validateRuleSet(assignment)).toEqual([]);
      expect(validateRuleSet(actions)).toEqual([]);
    });
  });

  describe('given conditions json-rules-engine would only fail on while running', () => {
    it('when an operator is unknown then the rule id and the operator path are named', () => {
      expect(validateRuleSet(one({ fact: 'country', operator: 'like', value: 'D%' }))).toEqual([
        { ruleId: 'r1', path: 'rules[0].conditions.all[0].operator', message: expect.stringMatching(/^"like" is not an operator \(known: equal, /) },
      ]);
    });

    it('when a fact is not declared then it is named with its path', () => {
      expect(
        validateRuleSet(
          withRules([
            ruleWith({ any: [{ fact: 'country', operator: 'equal', value: 'DE' }, { not: { fact: 'revenue', operator: 'greaterThan', value: 5 } }] }),
          ]),
        ),
      ).toEqual([{ ruleId: 'r1', path: 'rules[0].conditions.any[1].not.fact', message: '"revenue" is not declared in facts' }]);
    });

    it('when $now is used without a declaration then it is accepted as a date', () => {
      expect(
        validateRuleSet(one({ fact: '$now', operator: 'withinBusinessHours', value: { timezone: 'UTC', days: ['mon'], from: '08:00', to: '18:00' } })),
      ).toEqual([]);
    });

    it.each([
      [{ fact: 'employees', operator: 'greaterThan', value: '1000' }, 'must be a number'],
      [{ fact: 'country', operator: 'equal', value: 49 }, 'must be a string or null to compare with a string fact'],
      [{ fact: 'country', operator: 'in', value: 'DE' }, 'must be a non-empty list'],
      [{ fact: 'country', operator: 'in', value: ['DE', 7] }, 'item 1 must be a string'],
      [{ fact: 'employees', operator: 'between', value: [10, 1] }, 'min must not be greater than max'],
      [{ fact: 'employees', operator: 'between', value: [10] }, 'must be [min, max], two numbers'],
      [{ fact: 'lastContactAt', operator: 'daysSince', value: {} }, 'must have min, max or both'],
      [
        { fact: 'lastContactAt', operator: 'equal', value: '2026-13-45' },
        'must be an ISO 8601 date or date-time with an offset or null to compare with a date fact',
      ],
      [
        { fact: 'lastContactAt', operator: 'withinBusinessHours', value: { timezone: 'Mars/Olympus', days: ['mon'], from: '09:00', to: '17:00' } },
        'timezone must be an IANA time zone such as Europe/Berlin',
      ],
      [
        { fact: 'lastContactAt', operator: 'withinBusinessHours', value: { timezone: 'UTC', days: ['mon'], from: '18:00', to: '09:00' } },
        'from must be before to (hours across midnight need two rules)',
      ],
      [{ fact: 'industry', operator: 'startsWith', value: '' }, 'must be a non-empty string'],
    ])('when the condition is %j then its value is refused: %s', (condition, message) => {
      expect(validateRuleSet(one(condition))).toEqual([{ ruleId: 'r1', path: 'rules[0].conditions.all[0].value', message }]);
    });

    it('when an operator does not compare the fact type then the operator is refused', () => {
      expect(validateRuleSet(one({ fact: 'country', operator: 'greaterThan', value: 5 }))).toEqual([
        { ruleId: 'r1', path: 'rules[0].conditions.all[0].operator', message: 'greaterThan does not compare a string fact (it takes number)' },
      ]);
    });

    it('when a path is used on a scalar fact then the path is refused', () => {
      expect(validateRuleSet(one({ fact: 'country', path: '$.code', operator: 'equal', value: 'DE' }))).toEqual([
        { ruleId: 'r1', path: 'rules[0].conditions.all[0].path', message: 'needs an object or array fact, and "country" is a string' },
      ]);
    });

    it('when a path is not the simple $.name / [index] form then it is refused', () => {
      expect(validateRuleSet(one({ fact: 'company', path: '$..country', operator: 'equal', value: 'DE' }))).toEqual([
        { ruleId: 'r1', path: 'rules[0].conditions.all[0].path', message: expect.stringMatching(/^must match pattern/) },
      ]);
    });
  });

  describe('given regular expressions for matches', () => {
    it('when the regex does not compile then the value is refused with the reason', () => {
      expect(validateRuleSet(one({ fact: 'industry', operator: 'matches', value: '(Bank' }))).toEqual([
        { ruleId: 'r1', path: 'rules[0].conditions.all[0].value', message: expect.stringMatching(/^is not a valid regular expression/) },
      ]);
    });

    it('when the regex nests quantifiers then it is refused as unsafe', () => {
      expect(validateRuleSet(one({ fact: 'industry', operator: 'matches', value: '^(a+)+$' }))).toEqual([
        { ruleId: 'r1', path: 'rules[0].conditions.all[0].value', message: expect.stringMatching(/nested quantifiers/) },
      ]);
    });
  });

  describe('given malformed structure', () => {
    it('when the text is not JSON then parseRuleSet says so at the root', () => {
      const parsed = parseRuleSet('{"key": "x",');
      expect(parsed).toEqual({ ok: false, problems: [{ path: '', message: expect.stringMatching(/^is not valid JSON \(/) }] });
    });

    it('when the text is a valid rule set then parseRuleSet returns it', () => {
      expect(parseRuleSet(JSON.stringify(territories))).toEqual({ ok: true, ruleSet: territories });
    });

    it('when rule ids repeat then the later one is refused', () => {
      expect(
        validateRuleSet(
          withRules([
            ruleWith({ all: [{ fact: 'country', operator: 'equal', value: 'DE' }] }),
            ruleWith({ all: [{ fact: 'country', operator: 'equal', value: 'AT' }] }),
          ]),
        ),
      ).toEqual([{ ruleId: 'r1', path: 'rules[1].id', message: 'duplicates the id of rules[0]' }]);
    });

    it('when the root condition is a bare fact then it is refused (json-rules-engine needs all, any or not)', () => {
      expect(validateRuleSet(withRules([ruleWith({ fact: 'country', operator: 'equal', value: 'DE' })]))).toEqual([
        { ruleId: 'r1', path: 'rules[0].conditions', message: 'must start with all, any or not' },
      ]);
    });

    it('when a condition mixes forms or has none then it is refused', () => {
      expect(validateRuleSet(one({ all: [{ fact: 'country', operator: 'equal', value: 'DE' }], fact: 'country' }))).toEqual([
        { ruleId: 'r1', path: 'rules[0].conditions.all[0]', message: 'must have only one of all, fact' },
      ]);
      expect(validateRuleSet(one({}))).toEqual([{ ruleId: 'r1', path: 'rules[0].conditions.all[0]', message: 'must have all, any, not or fact' }]);
    });

    it('when a condition has an unknown key or an empty all then the schema names it', () => {
      expect(validateRuleSet(one({ fact: 'country', operator: 'equal', value: 'DE', params: {} }))).toEqual([
        { ruleId: 'r1', path: 'rules[0].conditions.all[0].params', message: 'is not allowed' },
      ]);
      expect(validateRuleSet(withRules([ruleWith({ any: [] })]))).toEqual([{ ruleId: 'r1', path: 'rules[0].conditions.any', message: 'must not be empty' }]);
    });

    it('when a fact condition misses its value then it is required', () => {
      expect(validateRuleSet(one({ fact: 'country', operator: 'equal' }))).toEqual([
        { ruleId: 'r1', path: 'rules[0].conditions.all[0].value', message: 'is required' },
      ]);
    });

    it('when conditions nest too deep then the deepest level is refused', () => {
      let condition: unknown = { fact: 'country', operator: 'equal', value: 'DE' };
      for (let level = 0; level < 11; level++) condition = { not: condition };
      expect(validateRuleSet(withRules([ruleWith(condition)]))).toEqual([
        { ruleId: 'r1', path: `rules[0].conditions${'.not'.repeat(10)}`, message: 'must not nest deeper than 10 levels' },
      ]);
    });

    it('when a fact name is not an identifier or reaches the prototype then the name is refused', () => {
      const facts = JSON.parse('{"first name": "string", "__proto__": "string", "constructor": "number"}') as Record<string, string>;
      expect(validateRuleSet({ ...territories, rules: [], facts })).toEqual([
        { path: 'facts["first name"]', message: 'name must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"' },
        { path: 'facts.__proto__', message: 'is not allowed as a fact name' },
        { path: 'facts.constructor', message: 'is not allowed as a fact name' },
      ]);
    });

    it('when a path names __proto__ then it is refused', () => {
      expect(validateRuleSet(one({ fact: 'company', path: '$.__proto__.x', operator: 'equal', value: 'DE' }))).toEqual([
        { ruleId: 'r1', path: 'rules[0].conditions.all[0].path', message: 'must not name __proto__, constructor, prototype' },
      ]);
    });

    it('when a fact is declared with an unknown type then the fact is named', () => {
      expect(validateRuleSet({ ...territories, facts: { ...territories.facts, size: 'bigint' } })).toEqual([
        { path: 'facts.size', message: 'must be one of "string", "number", "boolean", "date", "array", "object"' },
      ]);
    });
  });

  describe('given results that do not fit the kind', () => {
    it('when a territory set has no fallback or asks for all matches then both are refused', () => {
      const { fallback: _fallback, ...rest } = territories;
      expect(validateRuleSet({ ...rest, hitPolicy: 'all' })).toEqual([
        { path: 'hitPolicy', message: 'must be "first" for a territory rule set (it decides one territory)' },
        { path: 'fallback', message: 'is required for a territory rule set (the territory of what no rule matches)' },
      ]);
    });

    it('when a territory result misses the territory then the rule and path are named', () => {
      expect(validateRuleSet(withRules([{ ...ruleWith({ all: [{ fact: 'country', operator: 'equal', value: 'DE' }] }), result: { team: 'x' } }]))).toEqual([
        { ruleId: 'r1', path: 'rules[0].result.territory', message: 'is required' },
      ]);
    });

    it('when an assignment strategy is unknown then it is refused', () => {
      const set = { ...territories, kind: 'assignment', fallback: { strategy: 'random' }, rules: [] };
      expect(validateRuleSet(set)).toEqual([
        { path: 'fallback.strategy', message: 'must be one of "territoryOwner", "roundRobin", "leastOpenTasks", "skillMatch", "unsorted"' },
      ]);
    });

    it('when an action misses a field or has an unknown type then the action path is named', () => {
      const set = {
        key: 'a',
        name: 'a',
        kind: 'actions',
        hitPolicy: 'all',
        facts: {},
        rules: [
          {
            id: 'x',
            conditions: { all: [{ fact: '$now', operator: 'daysSince', value: { max: 1 } }] },
            result: { on: 'stageEntered', actions: [{ type: 'sendEmail', to: 'a' }, { type: 'fax' }] },
          },
        ],
      };
      expect(validateRuleSet(set)).toEqual([
        { ruleId: 'x', path: 'rules[0].result.actions[1].type', message: expect.stringMatching(/^must be one of "createTask"/) },
      ]);
      set.rules[0].result.actions = [{ type: 'sendEmail', to: 'a' }];
      expect(validateRuleSet(set)).toEqual([{ ruleId: 'x', path: 'rules[0].result.actions[0].subject', message: 'is required' }]);
    });

    it('when a classification result holds __proto__ then it is refused', () => {
      const set = {
        ...territories,
        kind: 'classification',
        hitPolicy: 'all',
        fallback: undefined,
        rules: [
          { id: 'c', conditions: { all: [{ fact: 'country', operator: 'equal', value: 'DE' }] }, result: JSON.parse('{"segment":"a","__proto__":{"x":1}}') },
        ],
      };
      expect(validateRuleSet(set)).toEqual([{ ruleId: 'c', path: 'rules[0].result.__proto__', message: '"__proto__" is not allowed as a key' }]);
    });
  });

  describe("given an exitCriteria rule set (a stage's exit criteria)", () => {
    const exitCriteria = {
      key: 'qualification-exit',
      name: 'Leaving qualification',
      kind: 'exitCriteria',
      hitPolicy: 'all',
      facts: { record: 'object', move: 'object', openTasks: 'array' },
      rules: [
        {
          id: 'lost-reason',
          conditions: {
            all: [
              { fact: 'move', path: '$.to', operator: 'equal', value: 'Lost' },
              { fact: 'record', path: '$.lostReason', operator: 'equal', value: null },
            ],
          },
          result: { reason: 'A lost reason is required', hint: 'Pick the lost reason on the deal card', field: 'lostReason' },
        },
        {
          id: 'offer-open',
          conditions: { all: [{ fact: 'openTasks', operator: 'contains', value: 'prepareOffer' }] },
          result: { reason: 'The offer task is not done', task: 'prepareOffer' },
        },
      ],
    };

    it('when every rule gives a reason then it has no problem', () => {
      expect(validateRuleSet(exitCriteria)).toEqual([]);
    });

    it('when it asks for the first match or has a fallback then both are refused: a refused move lists every reason', () => {
      expect(validateRuleSet({ ...exitCriteria, hitPolicy: 'first', fallback: { reason: 'always' } })).toEqual([
        { path: 'hitPolicy', message: 'must be "all" for an exitCriteria rule set (a refused move lists every reason)' },
        { path: 'fallback', message: 'is not allowed in an exitCriteria rule set (it would refuse every move that no rule refuses)' },
      ]);
    });

    it('when a result has no reason or an unknown field then the rule and path are named', () => {
      const rules = [{ ...exitCriteria.rules[1]!, result: { hint: 'x', task: 'prepareOffer', colour: 'red' } }];
      expect(validateRuleSet({ ...exitCriteria, rules })).toEqual([
        { ruleId: 'offer-open', path: 'rules[0].result.reason', message: 'is required' },
        { ruleId: 'offer-open', path: 'rules[0].result.colour', message: 'is not allowed' },
      ]);
    });
  });

  describe('given problems for a deployment', () => {
    it('then each becomes a DeploymentProblem with the rule id as element id and the path', () => {
      expect(
        ruleSetDeploymentProblems('lead.rule-set.json', [
          { ruleId: 'r1', path: 'rules[0].id', message: 'duplicates the id of rules[0]' },
          { path: '', message: 'is not valid JSON (x)' },
        ]),
      ).toEqual([
        { resource: 'lead.rule-set.json', elementId: 'r1', path: 'rules[0].id', message: 'rules[0].id duplicates the id of rules[0]' },
        { resource: 'lead.rule-set.json', path: '', message: 'the rule set is not valid JSON (x)' },
      ]);
    });
  });
});

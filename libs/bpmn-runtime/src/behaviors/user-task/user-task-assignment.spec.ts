import type { DecideRuleSet } from '../../contract/interpret.js';
import type { Variables } from '../../contract/state.js';
import { compileBpmn } from '../../model/compile-bpmn.js';
import { ruleSetReferences } from '../../model/rule-set-references.js';
import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

const oneTask = (attributes: string) =>
  bpmnProcess(`
    <bpmn:startEvent id="start"/>
    <bpmn:userTask id="call" name="Call the lead" ${attributes}/>
    <bpmn:endEvent id="end"/>
    ${flow('f1', 'start', 'call')}
    ${flow('f2', 'call', 'end')}`);

/** Banking leads to the finance specialists, others round-robin in their region's team. */
function decideWith(seen: { key: string; facts: Variables }[] = []): DecideRuleSet {
  return (key, facts) => {
    seen.push({ key, facts });
    if (key !== 'lead-assignment') return { ok: false, message: `no rule set with key "${key}" is deployed` };
    const value: Variables =
      facts.industry === 'Banking' ? { strategy: 'skillMatch', team: 'finance', skills: ['banking'] } : { strategy: 'roundRobin', team: String(facts.region) };
    return { ok: true, value };
  };
}

describe('user task with stageflow:assignment', () => {
  it('given an assignment rule set, when the task is created, then TaskCreated carries its decision on the task variables as facts', async () => {
    const seen: { key: string; facts: Variables }[] = [];
    const scenario = await Scenario.deploy(oneTask('stageflow:assignment="lead-assignment"'), { decide: decideWith(seen) });

    const banking = scenario.start({ variables: { industry: 'Banking', region: 'dach' } }).task('call');
    const retail = scenario.start({ variables: { industry: 'Retail', region: 'dach' } }).task('call');

    expect(banking.assignment).toEqual({ ruleSet: 'lead-assignment', decision: { strategy: 'skillMatch', team: 'finance', skills: ['banking'] } });
    expect(banking.assignee).toBeUndefined();
    expect(retail.assignment).toEqual({ ruleSet: 'lead-assignment', decision: { strategy: 'roundRobin', team: 'dach' } });
    expect(seen[0]).toEqual({ key: 'lead-assignment', facts: { industry: 'Banking', region: 'dach', params: {} } });
  });

  it('given stageflow:assignee that gives a user, when the task is created, then the assignee wins and the rule set is not evaluated', async () => {
    const seen: { key: string; facts: Variables }[] = [];
    const scenario = await Scenario.deploy(oneTask('stageflow:assignee="= owner" stageflow:assignment="lead-assignment"'), { decide: decideWith(seen) });

    const owned = scenario.start({ variables: { owner: 'anna', region: 'dach' } }).task('call');
    const unowned = scenario.start({ variables: { owner: null, region: 'dach' } }).task('call');

    expect(owned).toMatchObject({ assignee: 'anna' });
    expect(owned.assignment).toBeUndefined();
    expect(unowned.assignment?.decision).toEqual({ strategy: 'roundRobin', team: 'dach' });
    expect(seen).toHaveLength(1);
  });

  it('given a rule set that matches nothing and has no fallback, when the task is created, then the decision is null (the engine queues it as unsorted)', async () => {
    const scenario = await Scenario.deploy(oneTask('stageflow:assignment="none"'), { decide: () => ({ ok: true, value: null }) });

    expect(scenario.start().task('call').assignment).toEqual({ ruleSet: 'none', decision: null });
  });

  it.each([
    [
      'the rule set cannot be evaluated',
      () => ({ ok: false as const, message: 'no rule set with key "x" is deployed' }),
      'could not be evaluated: no rule set',
    ],
    ['the result is not an assignment', () => ({ ok: true as const, value: { rating: 'hot' } }), 'gave no assignment'],
  ])('given %s, when the task is created, then the token is in an incident naming the task and the rule set', async (_label, decide, message) => {
    const scenario = await Scenario.deploy(oneTask('stageflow:assignment="x"'), { decide });

    const instance = scenario.start();

    expect(instance.incidents()).toEqual([expect.objectContaining({ elementId: 'call', message: expect.stringContaining(message) })]);
    expect(instance.incidents()[0]?.message).toContain("rule set 'x'");
  });

  it('given stageflow:assignment, when compiled, then ruleSetReferences lists it as an assignment reference', async () => {
    const result = await compileBpmn(oneTask('stageflow:assignment="lead-assignment"'));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));

    expect(ruleSetReferences(result.processes[0]!)).toEqual([{ elementId: 'call', ruleSetKey: 'lead-assignment', attribute: 'assignment' }]);
  });

  it.each([
    ['stageflow:assignment=""', 'must name an assignment rule set'],
    ['stageflow:assignment="= rules"', 'not an expression'],
    ['stageflow:assignment="lead assignment"', 'is not a rule-set key'],
  ])('given %s, when compiled, then it is refused naming the task', async (attributes, message) => {
    const result = await compileBpmn(oneTask(attributes));

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual(expect.objectContaining({ elementId: 'call', message: expect.stringContaining(message) }));
  });
});

import type { DecideRuleSet } from '../../contract/interpret.js';
import type { Variables } from '../../contract/state.js';
import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

/** A BANT classification as the engine would decide it: hot when all four criteria hold. */
function bant(facts: Variables): { rating: string } {
  const hot =
    typeof facts.budget === 'number' &&
    facts.budget >= 50000 &&
    facts.authority === true &&
    facts.need === 'high' &&
    typeof facts.timelineDays === 'number' &&
    facts.timelineDays <= 90;
  return { rating: hot ? 'hot' : 'cold' };
}

function decideWith(seen: { key: string; facts: Variables }[] = []): DecideRuleSet {
  return (key, facts) => {
    seen.push({ key, facts });
    return key === 'bant' ? { ok: true, value: bant(facts) } : { ok: false, message: `no rule set with key "${key}" is deployed` };
  };
}

const leadProcess = (attributes: string, inner = '') =>
  bpmnProcess(`
    <bpmn:startEvent id="start"/>
    <bpmn:businessRuleTask id="classify" ${attributes}>${inner}</bpmn:businessRuleTask>
    <bpmn:exclusiveGateway id="isHot" default="toNurture"/>
    <bpmn:userTask id="call"/>
    <bpmn:userTask id="nurture"/>
    <bpmn:endEvent id="end"/>
    ${flow('f1', 'start', 'classify')}
    ${flow('f2', 'classify', 'isHot')}
    <bpmn:sequenceFlow id="toCall" sourceRef="isHot" targetRef="call"><bpmn:conditionExpression>= rating.rating = "hot"</bpmn:conditionExpression></bpmn:sequenceFlow>
    ${flow('toNurture', 'isHot', 'nurture')}
    ${flow('f3', 'call', 'end')}
    ${flow('f4', 'nurture', 'end')}`);

const hotLead = { budget: 80000, authority: true, need: 'high', timelineDays: 30 };

describe('business-rule task', () => {
  it('given a rule set and a result variable, when the token arrives, then the decision is written and the gateway branches on it', async () => {
    const scenario = await Scenario.deploy(leadProcess('stageflow:ruleSet="bant" stageflow:resultVariable="rating"'), { decide: decideWith() });

    const hot = scenario.start({ variables: hotLead });
    const cold = scenario.start({ variables: { ...hotLead, authority: false } });

    expect(hot.variables.rating).toEqual({ rating: 'hot' });
    expect(hot.waitingAt()).toEqual(['call']);
    expect(cold.variables.rating).toEqual({ rating: 'cold' });
    expect(cold.waitingAt()).toEqual(['nurture']);
    expect(hot.effectsOf('VariablesChanged')).toContainEqual({ type: 'VariablesChanged', changes: { rating: { rating: 'hot' } }, elementId: 'classify' });
  });

  it('given no result variable, when evaluated, then the result goes into the variable named by the rule set key', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`<bpmn:startEvent id="s"/><bpmn:businessRuleTask id="classify" stageflow:ruleSet="bant"/><bpmn:userTask id="t"/><bpmn:endEvent id="e"/>
        ${flow('f1', 's', 'classify')}${flow('f2', 'classify', 't')}${flow('f3', 't', 'e')}`),
      { decide: decideWith() },
    );

    const instance = scenario.start({ variables: hotLead });

    expect(instance.variables.bant).toEqual({ rating: 'hot' });
  });

  it('given a task in a subprocess with input mappings, when evaluated, then the facts are the variables visible in its scope and the result updates the variable where it lives', async () => {
    const seen: { key: string; facts: Variables }[] = [];
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="s"/>
        <bpmn:subProcess id="qualify">
          <bpmn:startEvent id="qs"/>
          <bpmn:businessRuleTask id="classify" stageflow:ruleSet="bant" stageflow:resultVariable="rating">
            <bpmn:extensionElements><stageflow:ioMapping><stageflow:input source="= 90" target="timelineDays"/></stageflow:ioMapping></bpmn:extensionElements>
          </bpmn:businessRuleTask>
          <bpmn:endEvent id="qe"/>
          ${flow('q1', 'qs', 'classify')}${flow('q2', 'classify', 'qe')}
        </bpmn:subProcess>
        <bpmn:userTask id="t"/>
        <bpmn:endEvent id="e"/>
        ${flow('f1', 's', 'qualify')}${flow('f2', 'qualify', 't')}${flow('f3', 't', 'e')}`),
      { decide: decideWith(seen) },
    );

    const instance = scenario.start({ variables: { ...hotLead, timelineDays: 400, rating: null } });

    expect(seen).toEqual([{ key: 'bant', facts: { ...hotLead, timelineDays: 90, rating: null, params: {} } }]);
    expect(instance.variables).toEqual({ ...hotLead, timelineDays: 400, rating: { rating: 'hot' } });
  });

  it('given a rule set the caller cannot evaluate, when the token arrives, then an incident names it; once available, a retry evaluates again', async () => {
    let deployed = false;
    const decide: DecideRuleSet = (key, facts) =>
      deployed ? decideWith()(key === 'later' ? 'bant' : key, facts) : { ok: false, message: `no rule set with key "${key}" is deployed` };
    const scenario = await Scenario.deploy(leadProcess('stageflow:ruleSet="later" stageflow:resultVariable="rating"'), { decide });

    const instance = scenario.start({ variables: hotLead });

    expect(instance.incidents()).toEqual([expect.objectContaining({ elementId: 'classify', message: expect.stringContaining("Rule set 'later'") })]);
    expect(instance.incidents()[0]?.message).toContain('no rule set with key "later" is deployed');
    expect(instance.variables).not.toHaveProperty('rating');

    deployed = true;
    instance.retryIncident('classify');

    expect(instance.waitingAt()).toEqual(['call']);
  });

  it('given no decide function, or one that throws, when the token arrives, then the token is in an incident instead of the command failing', async () => {
    const without = await Scenario.deploy(leadProcess('stageflow:ruleSet="bant"'));
    const throwing = await Scenario.deploy(leadProcess('stageflow:ruleSet="bant"'), {
      decide: () => {
        throw new Error('evaluation exploded');
      },
    });

    expect(without.start({ variables: hotLead }).incidents()[0]?.message).toContain('no rule-set evaluation was given to the interpreter');
    expect(throwing.start({ variables: hotLead }).incidents()[0]?.message).toContain('evaluation exploded');
  });
});

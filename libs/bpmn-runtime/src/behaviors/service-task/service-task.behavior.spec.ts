import { actionReferences } from '../../model/action-references.js';
import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

/** start -> task (a service or send task with stageflow:action) -> user task "next" -> end; `boundary` goes on the task. */
const actionProcess = (task: string, boundary = '') =>
  bpmnProcess(`
    <bpmn:startEvent id="start"/>
    ${task}
    ${boundary}
    <bpmn:userTask id="next"/>
    <bpmn:endEvent id="end"/>
    ${flow('f1', 'start', 'act')}
    ${flow('f2', 'act', 'next')}
    ${flow('f3', 'next', 'end')}`);

const serviceTask = (inner = '') => `<bpmn:serviceTask id="act" stageflow:action="welcome-mail">${inner}</bpmn:serviceTask>`;

/** An error boundary on the task catching `err` (declared by withError). */
const errorBoundary = () => `
  <bpmn:boundaryEvent id="bounced" attachedToRef="act"><bpmn:errorEventDefinition errorRef="err"/></bpmn:boundaryEvent>
  <bpmn:userTask id="fixAddress"/>
  <bpmn:endEvent id="fixed"/>
  ${flow('fb1', 'bounced', 'fixAddress')}
  ${flow('fb2', 'fixAddress', 'fixed')}`;

const withError = (xml: string, code: string) => xml.replace('<bpmn:process', `<bpmn:error id="err" errorCode="${code}"/><bpmn:process`);

describe('service task', () => {
  it('given a service task with an action, when the token arrives, then it waits and requests the action with the variables it sees', async () => {
    const scenario = await Scenario.deploy(actionProcess(serviceTask()));

    const instance = scenario.start({ variables: { contact: { email: 'jane@acme.com' } } });

    expect(instance.waitingAt()).toEqual(['act']);
    expect(instance.effectsOf('ActionRequested')).toEqual([
      {
        type: 'ActionRequested',
        actionId: expect.any(String),
        elementId: 'act',
        actionKey: 'welcome-mail',
        variables: { contact: { email: 'jane@acme.com' } },
      },
    ]);
  });

  it('given input mappings, when the action is requested, then its variables include the mapped locals', async () => {
    const scenario = await Scenario.deploy(
      actionProcess(
        serviceTask(
          '<bpmn:extensionElements><stageflow:ioMapping><stageflow:input source="= contact.email" target="to"/></stageflow:ioMapping></bpmn:extensionElements>',
        ),
      ),
    );

    const instance = scenario.start({ variables: { contact: { email: 'jane@acme.com' } } });

    expect(instance.lastOf('ActionRequested', 'act').variables).toEqual({ contact: { email: 'jane@acme.com' }, to: 'jane@acme.com' });
  });

  it('given a send task with stageflow:action, when the token arrives, then it runs the action like a service task (no message is thrown)', async () => {
    const scenario = await Scenario.deploy(actionProcess('<bpmn:sendTask id="act" stageflow:action="offer-mail"/>'));

    const instance = scenario.start();

    expect(instance.lastOf('ActionRequested', 'act').actionKey).toBe('offer-mail');
    expect(instance.effectsOf('MessageThrown')).toEqual([]);
  });

  it('given a requested action, when it completes with variables, then they are written to the instance and the task leaves', async () => {
    const scenario = await Scenario.deploy(actionProcess(serviceTask()));
    const instance = scenario.start({ variables: { stage: 'New' } });

    instance.send({ type: 'completeAction', actionId: instance.lastOf('ActionRequested', 'act').actionId, variables: { stage: 'Contacted', mailed: true } });

    expect(instance.waitingAt()).toEqual(['next']);
    expect(instance.variables).toEqual({ stage: 'Contacted', mailed: true });
  });

  it('given an action that completed already, when it is completed again (a retried job), then the command is rejected and nothing changes', async () => {
    const scenario = await Scenario.deploy(actionProcess(serviceTask()));
    const instance = scenario.start();
    const actionId = instance.lastOf('ActionRequested', 'act').actionId;
    instance.send({ type: 'completeAction', actionId });

    expect(() => instance.send({ type: 'completeAction', actionId })).toThrow(/No service task waits for action/);
    expect(instance.waitingAt()).toEqual(['next']);
  });

  it('given an error boundary for the code, when the action fails with it, then the boundary takes the token', async () => {
    const scenario = await Scenario.deploy(withError(actionProcess(serviceTask(), errorBoundary()), 'BOUNCED'));
    const instance = scenario.start();

    instance.send({ type: 'failAction', actionId: instance.lastOf('ActionRequested', 'act').actionId, errorCode: 'BOUNCED', message: 'mailbox unknown' });

    expect(instance.waitingAt()).toEqual(['fixAddress']);
    expect(instance.state?.status).toBe('active');
    expect(instance.effectsOf('ElementLeft').map((effect) => effect.elementId)).toContain('act');
  });

  it('given no boundary catches the code, when the action fails, then the error is uncaught and the task holds an incident whose retry requests the action again', async () => {
    const scenario = await Scenario.deploy(withError(actionProcess(serviceTask(), errorBoundary()), 'BOUNCED'));
    const instance = scenario.start();

    instance.send({ type: 'failAction', actionId: instance.lastOf('ActionRequested', 'act').actionId, errorCode: 'QUOTA' });

    expect(instance.effectsOf('ErrorUncaught')).toEqual([{ type: 'ErrorUncaught', elementId: 'act', errorCode: 'QUOTA' }]);
    expect(instance.state?.status).toBe('incident');
    instance.retryIncident('act');
    expect(instance.effectsOf('ActionRequested')).toHaveLength(2);
    expect(instance.state?.status).toBe('active');
  });

  it('given an interrupting boundary timer, when it fires while the action is pending, then the action is cancelled', async () => {
    const timer = `<bpmn:boundaryEvent id="late" attachedToRef="act"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      <bpmn:endEvent id="gaveUp"/>${flow('fl', 'late', 'gaveUp')}`;
    const scenario = await Scenario.deploy(actionProcess(serviceTask(), timer));
    const instance = scenario.start();
    const { actionId } = instance.lastOf('ActionRequested', 'act');

    instance.fireTimer('late');

    expect(instance.effectsOf('ActionCancelled')).toEqual([{ type: 'ActionCancelled', actionId, elementId: 'act' }]);
    expect(instance.state?.status).toBe('completed');
  });

  it('given a process with service and send tasks, when its references are listed, then each names its task and action key', async () => {
    const scenario = await Scenario.deploy(actionProcess(serviceTask()));

    expect(actionReferences(scenario.process())).toEqual([{ elementId: 'act', actionKey: 'welcome-mail' }]);
  });
});

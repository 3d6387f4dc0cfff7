import { bearer, setupEngineSuite } from './support/engine-suite.js';

const suite = setupEngineSuite();

/** A process that starts on message `starts` and waits for message `waits`. */
function messageDiagram(processId: string, starts: string, waits: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="${processId}-defs" targetNamespace="https://stageflow.dev/test">
  <bpmn:message id="starts" name="${starts}"/>
  <bpmn:message id="waits" name="${waits}"/>
  <bpmn:process id="${processId}" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:messageEventDefinition messageRef="starts"/></bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
    <bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="waits"/></bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
    <bpmn:endEvent id="end"/>
  </bpmn:process>
</bpmn:definitions>`;
}

describe('GET /api/v1/process-definitions/message-names', () => {
  it("given processes in several versions, when listed, then the names of the latest versions' messages, once each, sorted", async () => {
    await suite.deploy([{ name: 'first.bpmn', content: messageDiagram('names_first', 'mn-old-start', 'mn-shared') }]);
    await suite.deploy([{ name: 'first.bpmn', content: messageDiagram('names_first', 'mn-start', 'mn-shared') }]);
    await suite.deploy([{ name: 'second.bpmn', content: messageDiagram('names_second', 'mn-other-start', 'mn-shared') }]);
    const seller = await suite.createUser('message-names-reader', ['seller']);

    const response = await suite
      .http()
      .get('/api/v1/process-definitions/message-names')
      .set(...bearer(seller.token));

    expect(response.status).toBe(200);
    expect((response.body.items as string[]).filter((name) => name.startsWith('mn-'))).toEqual(['mn-other-start', 'mn-shared', 'mn-start']);
  });

  it('given no token, when listed, then 401', async () => {
    expect((await suite.http().get('/api/v1/process-definitions/message-names')).status).toBe(401);
  });
});

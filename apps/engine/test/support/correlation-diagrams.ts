// Diagrams of the message, signal and call-activity API tests, written out in full.

const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">`;

/** start -> user task "call" -> wait for message `message` keyed by `= leadId` -> user task "promote" -> end. */
export function waitForMessageDiagram(key: string, message: string): string {
  return `${HEADER}
  <bpmn:message id="msg" name="${message}" stageflow:correlationKey="= leadId" />
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
    <bpmn:userTask id="call" name="Call lead" />
    <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="waitMessage" />
    <bpmn:intermediateCatchEvent id="waitMessage"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f3" sourceRef="waitMessage" targetRef="promote" />
    <bpmn:userTask id="promote" name="Promote lead" />
    <bpmn:sequenceFlow id="f4" sourceRef="promote" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

/** A message start event `message` -> user task "qualify" -> end. */
export function messageStartDiagram(key: string, message: string): string {
  return `${HEADER}
  <bpmn:message id="msg" name="${message}" />
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="formSubmitted"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="formSubmitted" targetRef="qualify" />
    <bpmn:userTask id="qualify" name="Qualify" />
    <bpmn:sequenceFlow id="f2" sourceRef="qualify" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

/** start -> wait for signal `signal` -> user task "reprice" -> end. */
export function waitForSignalDiagram(key: string, signal: string): string {
  return `${HEADER}
  <bpmn:signal id="sig" name="${signal}" />
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="waitSignal" />
    <bpmn:intermediateCatchEvent id="waitSignal"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="waitSignal" targetRef="reprice" />
    <bpmn:userTask id="reprice" name="Reprice offer" />
    <bpmn:sequenceFlow id="f3" sourceRef="reprice" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

/**
 * start -> user task "negotiate" -> end, with a non-interrupting signal boundary "priceDropped"
 * (`signal`) on it -> user task "reprice" -> end: each delivery of the signal opens one more
 * "reprice" task while "negotiate" goes on.
 */
export function negotiationWithSignalBoundaryDiagram(key: string, signal: string): string {
  return `${HEADER}
  <bpmn:signal id="sig" name="${signal}" />
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="negotiate" />
    <bpmn:userTask id="negotiate" name="Negotiate" />
    <bpmn:sequenceFlow id="f2" sourceRef="negotiate" targetRef="end" />
    <bpmn:endEvent id="end" />
    <bpmn:boundaryEvent id="priceDropped" attachedToRef="negotiate" cancelActivity="false"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f3" sourceRef="priceDropped" targetRef="reprice" />
    <bpmn:userTask id="reprice" name="Reprice offer" />
    <bpmn:sequenceFlow id="f4" sourceRef="reprice" targetRef="end2" />
    <bpmn:endEvent id="end2" />
  </bpmn:process>
</bpmn:definitions>`;
}

/** A signal start event `signal` -> user task "review" -> end. */
export function signalStartDiagram(key: string, signal: string): string {
  return `${HEADER}
  <bpmn:signal id="sig" name="${signal}" />
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="signalled"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="signalled" targetRef="review" />
    <bpmn:userTask id="review" name="Review price list" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

/**
 * The lead process converts through a call activity: the opportunity gets `account` from the
 * lead's `company`; the lead gets `dealAmount` from the opportunity's `amount`, then follows up.
 */
export function leadConvertsDiagram(key: string, calledKey: string): string {
  return `${HEADER}
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="convert" />
    <bpmn:callActivity id="convert" calledElement="${calledKey}">
      <bpmn:extensionElements>
        <stageflow:ioMapping>
          <stageflow:input source="= company" target="account" />
          <stageflow:output source="= amount" target="dealAmount" />
        </stageflow:ioMapping>
      </bpmn:extensionElements>
    </bpmn:callActivity>
    <bpmn:sequenceFlow id="f2" sourceRef="convert" targetRef="followUp" />
    <bpmn:userTask id="followUp" name="Follow up" />
    <bpmn:sequenceFlow id="f3" sourceRef="followUp" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

/** The called opportunity: start -> user task "negotiate" -> end. */
export function opportunityDiagram(key: string): string {
  return `${HEADER}
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="negotiate" />
    <bpmn:userTask id="negotiate" name="Negotiate" />
    <bpmn:sequenceFlow id="f2" sourceRef="negotiate" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

/** start -> signal throw event `signal` (with variables from the instance) -> end. */
export function throwSignalDiagram(key: string, signal: string): string {
  return `${HEADER}
  <bpmn:signal id="sig" name="${signal}" />
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="announce" />
    <bpmn:intermediateThrowEvent id="announce"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:intermediateThrowEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="announce" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

/** start -> message end event `message` keyed by `= leadId`: an outbox entry. */
export function throwMessageDiagram(key: string, message: string): string {
  return `${HEADER}
  <bpmn:message id="msg" name="${message}" stageflow:correlationKey="= leadId" />
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="notify" />
    <bpmn:endEvent id="notify"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;
}

/**
 * The lead converts through a call activity with an error boundary: when the credit check
 * (the child) ends with error CREDIT_REJECTED, the lead apologizes instead of following up.
 */
export function leadWithCreditCheckDiagram(key: string, calledKey: string): string {
  return `${HEADER}
  <bpmn:error id="creditRejected" errorCode="CREDIT_REJECTED" />
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="convert" />
    <bpmn:callActivity id="convert" calledElement="${calledKey}" />
    <bpmn:boundaryEvent id="rejected" attachedToRef="convert"><bpmn:errorEventDefinition errorRef="creditRejected" /></bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="convert" targetRef="followUp" />
    <bpmn:userTask id="followUp" name="Follow up" />
    <bpmn:sequenceFlow id="f3" sourceRef="followUp" targetRef="end" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f4" sourceRef="rejected" targetRef="apologize" />
    <bpmn:userTask id="apologize" name="Apologize" />
    <bpmn:sequenceFlow id="f5" sourceRef="apologize" targetRef="end2" />
    <bpmn:endEvent id="end2" />
  </bpmn:process>
</bpmn:definitions>`;
}

/** The credit check: start -> user task "check" -> error end event CREDIT_REJECTED. */
export function creditCheckDiagram(key: string): string {
  return `${HEADER}
  <bpmn:error id="creditRejected" errorCode="CREDIT_REJECTED" />
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
    <bpmn:userTask id="check" name="Check credit" />
    <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="fail" />
    <bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="creditRejected" /></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;
}

/** start -> call activity calling `calledKey` -> end: a middle level of a call tree. */
export function callsDiagram(key: string, calledKey: string): string {
  return `${HEADER}
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
    <bpmn:callActivity id="call" calledElement="${calledKey}" />
    <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

/**
 * start -> call activity "closeDeal" calling `calledKey` -> user task "followUp" -> end, with an
 * escalation boundary "escalated" (LATE; interrupting or not) on the call -> user task "informManager".
 */
export function leadWithDealEscalationDiagram(key: string, calledKey: string, interrupting: boolean): string {
  return `${HEADER}
  <bpmn:escalation id="late" escalationCode="LATE" />
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="closeDeal" />
    <bpmn:callActivity id="closeDeal" calledElement="${calledKey}" />
    <bpmn:boundaryEvent id="escalated" attachedToRef="closeDeal" cancelActivity="${interrupting}"><bpmn:escalationEventDefinition escalationRef="late" /></bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="closeDeal" targetRef="followUp" />
    <bpmn:userTask id="followUp" name="Follow up" />
    <bpmn:sequenceFlow id="f3" sourceRef="followUp" targetRef="end" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f4" sourceRef="escalated" targetRef="informManager" />
    <bpmn:userTask id="informManager" name="Inform the manager" />
    <bpmn:sequenceFlow id="f5" sourceRef="informManager" targetRef="end2" />
    <bpmn:endEvent id="end2" />
  </bpmn:process>
</bpmn:definitions>`;
}

/** The deal: start -> user task "negotiate" -> escalation LATE (intermediate throw) -> user task "sign" -> end. */
export function escalatingDealDiagram(key: string): string {
  return `${HEADER}
  <bpmn:escalation id="late" escalationCode="LATE" />
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="negotiate" />
    <bpmn:userTask id="negotiate" name="Negotiate" />
    <bpmn:sequenceFlow id="f2" sourceRef="negotiate" targetRef="raise" />
    <bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="late" /></bpmn:intermediateThrowEvent>
    <bpmn:sequenceFlow id="f3" sourceRef="raise" targetRef="sign" />
    <bpmn:userTask id="sign" name="Sign" />
    <bpmn:sequenceFlow id="f4" sourceRef="sign" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

/** The deal that ends late: start -> user task "negotiate" -> escalation end event LATE. */
export function dealEndingEscalatedDiagram(key: string): string {
  return `${HEADER}
  <bpmn:escalation id="late" escalationCode="LATE" />
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="negotiate" />
    <bpmn:userTask id="negotiate" name="Negotiate" />
    <bpmn:sequenceFlow id="f2" sourceRef="negotiate" targetRef="tooLate" />
    <bpmn:endEvent id="tooLate"><bpmn:escalationEventDefinition escalationRef="late" /></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;
}

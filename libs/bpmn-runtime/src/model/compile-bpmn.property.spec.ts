import fc from 'fast-check';
import { bpmnProcess, flow } from '../testing/bpmn-fixtures.js';
import { compileBpmn } from './compile-bpmn.js';

// A valid diagram that touches every part of the compiler (gateways, subprocess, mappings,
// FEEL, stageflow attributes). Random damage to its text must never make compileBpmn throw:
// it resolves either to graphs or to problems.
const VALID = bpmnProcess(`
  <bpmn:startEvent id="start" stageflow:stage="New"/>
  <bpmn:exclusiveGateway id="xor" default="toLow"/>
  <bpmn:userTask id="high" name="Qualify" stageflow:assignee="= owner" stageflow:candidateGroups="sales, presales" stageflow:dueDate="P2D" stageflow:priority="= 50">
    <bpmn:extensionElements><stageflow:ioMapping><stageflow:input source="= amount * 2" target="double"/><stageflow:output source="= double" target="out"/></stageflow:ioMapping></bpmn:extensionElements>
  </bpmn:userTask>
  <bpmn:subProcess id="sub">
    <bpmn:startEvent id="subStart"/><bpmn:manualTask id="call"/><bpmn:endEvent id="subEnd"/>
    ${flow('s1', 'subStart', 'call')}${flow('s2', 'call', 'subEnd')}
  </bpmn:subProcess>
  <bpmn:parallelGateway id="fork"/><bpmn:parallelGateway id="join"/>
  <bpmn:inclusiveGateway id="orSplit"/><bpmn:inclusiveGateway id="orJoin"/>
  <bpmn:endEvent id="end"/>
  ${flow('f1', 'start', 'xor')}
  ${flow('toHigh', 'xor', 'high', '= amount > 1000')}
  ${flow('toLow', 'xor', 'sub')}
  ${flow('f2', 'high', 'fork')}${flow('f3', 'sub', 'fork')}
  ${flow('f4', 'fork', 'orSplit')}${flow('f5', 'fork', 'join')}
  ${flow('f6', 'orSplit', 'orJoin', '= true')}${flow('f7', 'orSplit', 'orJoin', '= x = 1')}
  ${flow('f8', 'orJoin', 'join')}${flow('f9', 'join', 'end')}`);

type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replaceAttribute'; index: number; value: string };

const attributePositions = [...VALID.matchAll(/="[^"]*"/g)].map((match) => ({ start: match.index + 2, end: match.index + match[0].length - 1 }));

function apply(xml: string, mutation: Mutation): string {
  switch (mutation.kind) {
    case 'delete':
      return xml.slice(0, mutation.at) + xml.slice(mutation.at + mutation.length);
    case 'duplicate':
      return xml.slice(0, mutation.at + mutation.length) + xml.slice(mutation.at, mutation.at + mutation.length) + xml.slice(mutation.at + mutation.length);
    case 'insert':
      return xml.slice(0, mutation.at) + mutation.text + xml.slice(mutation.at);
    case 'replaceAttribute': {
      const position = attributePositions[mutation.index % attributePositions.length]!;
      return mutation.value.length === 0 || position.end > xml.length ? xml : xml.slice(0, position.start) + mutation.value + xml.slice(position.end);
    }
  }
}

const position = fc.nat({ max: VALID.length });
const noise = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '<',
    '>',
    '"',
    '/>',
    '&',
    '&amp;',
    '= ',
    '=(',
    'bpmn:',
    'stageflow:',
    'id="start"',
    '<bpmn:userTask id="x"/>',
    '<bpmn:serviceTask id="y"/>',
    ']]>',
    '<!--',
    '\u0000',
    '\uFFFF',
  ),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: position, length: fc.integer({ min: 1, max: 120 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: position, text: noise }),
  fc.record({ kind: fc.constant('replaceAttribute' as const), index: fc.nat(), value: noise }),
);

describe('compileBpmn on damaged diagrams (property)', () => {
  it('given the valid diagram, when compiled, then it is accepted', async () => {
    expect(await compileBpmn(VALID)).toMatchObject({ ok: true });
  });

  it('given random mutations of a valid diagram, when compiled, then it never throws and always resolves to graphs or problems', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        const xml = mutations.reduce(apply, VALID);
        const result = await compileBpmn(xml);
        if (result.ok) {
          expect(result.processes.length).toBeGreaterThan(0);
          expect(JSON.parse(JSON.stringify(result.processes))).toEqual(result.processes);
        } else {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) {
            expect(typeof problem.message).toBe('string');
            // The compiler's last-resort catch must never be what answers.
            expect(problem.message).not.toMatch(/^The diagram cannot be compiled/);
          }
        }
      }),
      { numRuns: 3000 },
    );
  }, 60_000);
});

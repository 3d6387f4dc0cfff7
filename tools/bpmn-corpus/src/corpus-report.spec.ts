import { bpmnProcess, compileBpmn, sequenceFlowXml as flow } from '@stageflow/bpmn-runtime';
import { corpusReport } from './corpus-report.js';
import { reasonOf } from './reason-of.js';

const clean = bpmnProcess(`<bpmn:startEvent id="s"/><bpmn:endEvent id="e"/>${flow('f', 's', 'e')}`);
const withOrphans = bpmnProcess(
  `<bpmn:startEvent id="s"/><bpmn:endEvent id="e"/><bpmn:manualTask id="a"/><bpmn:manualTask id="b"/>${flow('f', 's', 'e')}${flow('fa', 'a', 'e')}${flow('fb', 'b', 'e')}`,
);
const scripted = bpmnProcess(`<bpmn:startEvent id="s"/><bpmn:scriptTask id="x"/><bpmn:endEvent id="e"/>${flow('f1', 's', 'x')}${flow('f2', 'x', 'e')}`);
const documentation = bpmnProcess('<bpmn:startEvent id="s"/>', 'p', 'isExecutable="false"');

describe('corpusReport', () => {
  it('given compiled files, when reported, then deployed and refused are counted and reasons are grouped without the ids they name', async () => {
    const files = [clean, withOrphans, scripted, documentation];
    const compiled = await Promise.all(files.map(async (xml, index) => ({ path: `${index}.bpmn`, result: await compileBpmn(xml) })));

    const report = corpusReport(compiled);

    expect(report).toMatchObject({ files: 4, deployed: 2, refused: 2, deployedWithWarnings: 1 });
    expect(report.refusals).toEqual([
      { reason: expect.stringContaining('bpmn:ScriptTask is not supported'), files: 1, occurrences: 1 },
      { reason: 'The diagram has no executable process (mark one isExecutable="…")', files: 1, occurrences: 1 },
    ]);
    expect(report.warnings).toEqual([
      { reason: "'…' is not reachable from the start event of process '…': it never runs", files: 1, occurrences: 2 },
      { reason: 'Process \'…\' is not executable (isExecutable="…"): kept as documentation, not deployed', files: 1, occurrences: 1 },
    ]);
  });
});

describe('reasonOf', () => {
  it('given messages naming ids, lines and lists of extensions, when reduced, then the same reason remains', () => {
    expect(reasonOf("'t1' carries another tool's extensions, which Stageflow does not read: <acme:a>, <acme:b>")).toBe(
      reasonOf("'t2' carries another tool's extensions, which Stageflow does not read: <other:c>"),
    );
    expect(reasonOf('Documentation in a place BPMN does not allow (line 12): ignored')).toBe('Documentation in a place BPMN does not allow (line …): ignored');
  });
});

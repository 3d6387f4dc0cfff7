import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bpmnProcess, sequenceFlowXml as flow } from '@stageflow/bpmn-runtime';
import { lintXml } from './testing/lint-xml';

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '../../../../../..');
const standardPackages = ['lead', 'opportunity', 'account'];

function standardDiagrams(): { file: string; xml: string }[] {
  return standardPackages.flatMap((name) => {
    const folder = join(repositoryRoot, 'process-definitions', name);
    return readdirSync(folder)
      .filter((file) => file.endsWith('.bpmn'))
      .map((file) => ({ file: `${name}/${file}`, xml: readFileSync(join(folder, file), 'utf8') }));
  });
}

describe('the stageflow lint configuration', () => {
  it.each(standardDiagrams().map(({ file, xml }) => [file, xml]))(
    'given the standard diagram %s, when linted, then no rule reports an error',
    async (_file, xml) => {
      const findings = await lintXml(xml);
      expect(findings.filter((finding) => finding.category === 'error')).toEqual([]);
    },
  );

  it('given the standard packages, when listed, then there are three diagrams to check', () => {
    expect(standardDiagrams()).toHaveLength(3);
  });

  it('given a diagram the engine refuses in several ways, when linted, then each stageflow rule and bpmnlint rule reports at its level', async () => {
    const xml = bpmnProcess(
      `<bpmn:startEvent id="start"/>
       <bpmn:scriptTask id="script"/>
       <bpmn:userTask id="task"/>
       <bpmn:endEvent id="end"/>
       <bpmn:task id="island"/>
       ${flow('f1', 'start', 'script')}${flow('f2', 'script', 'task')}${flow('f3', 'task', 'end', '= a >')}`,
    );
    const findings = await lintXml(xml);
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'stageflow/executable-element', id: 'script', category: 'error' }),
        expect.objectContaining({ rule: 'stageflow/user-task-performer', id: 'task', category: 'warn' }),
        expect.objectContaining({ rule: 'stageflow/feel-syntax', id: 'f3', category: 'error' }),
        expect.objectContaining({ rule: 'stageflow/condition-placement', id: 'f3', category: 'error' }),
        expect.objectContaining({ rule: 'no-disconnected', id: 'island', category: 'error' }),
      ]),
    );
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bpmnProcess, sequenceFlowXml as flow } from '@stageflow/bpmn-runtime';
import modelerTexts from '../locales/en.json' with { type: 'json' };
import { BPMNLINT_MESSAGES } from './bpmnlint-messages';
import type { LintText } from './lint-message';
import { BPMNLINT_RULES, STAGEFLOW_RULES } from './stageflow-lint-config';
import { lintXml } from './testing/lint-xml';

const lintTexts: Record<string, Record<string, string>> = modelerTexts.lint;
const require = createRequire(import.meta.url);

/** The quoted parts of what a bpmnlint rule passes to `reporter.report(id, …)`, read from its source. */
function reportedFragments(rule: string): string[] {
  const source = readFileSync(require.resolve(`bpmnlint/rules/${rule}.js`), 'utf8');
  return [...source.matchAll(/report\(\s*[^,]+,\s*([^;]*?)(?:,\s*\[[^\]]*\])?\s*\);/g)].flatMap(([, argument]) =>
    [...argument!.matchAll(/'([^']*)'/g)].map(([, fragment]) => fragment!.trim()),
  );
}

/** A stand-in translation: the key and its values, so a finding shows whether it went through it. */
const keyedText: LintText = ({ key, values }) => `[${key}]${values ? ` ${JSON.stringify(values)}` : ''}`;

describe('the lint messages', () => {
  it('given our rules, when their messages are looked up, then each rule has its section of the modeler texts and no section is left over', () => {
    const configured = [...Object.keys(STAGEFLOW_RULES).map((name) => `stageflow/${name}`), ...Object.keys(BPMNLINT_RULES)];
    expect(Object.keys(lintTexts).sort()).toEqual(configured.sort());
    for (const rule of configured) expect(Object.keys(lintTexts[rule]!).length).toBeGreaterThan(0);
  });

  it.each(Object.keys(BPMNLINT_RULES))(
    'given bpmnlint rule %s, when the sentences its source reports are read, then each is in the table and its key has an English text equal to it',
    (rule) => {
      const table = BPMNLINT_MESSAGES[rule] ?? {};
      const sentences = Object.keys(table);
      const fragments = reportedFragments(rule);
      expect(fragments.length).toBeGreaterThan(0);
      for (const fragment of fragments) expect(sentences.some((sentence) => sentence.includes(fragment))).toBe(true);
      for (const [sentence, key] of Object.entries(table)) {
        const [section, name] = [key.slice(0, key.lastIndexOf('.')), key.slice(key.lastIndexOf('.') + 1)];
        expect(section).toBe(rule);
        expect(lintTexts[section]?.[name]).toBe(sentence);
      }
    },
  );

  it("given a diagram that breaks our rules and bpmnlint's, when linted with a translation, then every finding is the translation, with element names as values", async () => {
    const xml = bpmnProcess(
      `<bpmn:startEvent id="start"/>
       <bpmn:scriptTask id="script"/>
       <bpmn:userTask id="task" name="Call back"/>
       <bpmn:exclusiveGateway id="g" name="Hot?"/>
       <bpmn:serviceTask id="svc" name="Mail"/>
       <bpmn:endEvent id="end"/><bpmn:endEvent id="end2"/>
       <bpmn:task id="island"/>
       ${flow('f1', 'start', 'script')}${flow('f2', 'script', 'task')}${flow('f3', 'task', 'g')}
       ${flow('f4', 'g', 'svc', '= a >')}${flow('f5', 'g', 'end2', '= b')}${flow('f6', 'svc', 'end')}`,
    );
    const findings = await lintXml(xml, undefined, keyedText);
    expect(findings.length).toBeGreaterThan(5);
    for (const finding of findings) expect(finding.message).toMatch(new RegExp(`^\\[${finding.rule.replace(/[/-]/g, '\\$&')}\\.`));
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'stageflow/user-task-performer', message: '[stageflow/user-task-performer.nobody] {"task":"Call back"}' }),
        expect.objectContaining({ rule: 'stageflow/gateway-default', message: '[stageflow/gateway-default.noDefault] {"gateway":"Hot?"}' }),
        expect.objectContaining({ rule: 'stageflow/task-configuration', id: 'svc', message: expect.stringContaining('stageflow:action') }),
        expect.objectContaining({ rule: 'no-disconnected', id: 'island', message: '[no-disconnected.notConnected]' }),
      ]),
    );
  });
});

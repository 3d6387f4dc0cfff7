import { bpmnFileName, newProcessId } from './diagram-io';

describe('the diagram as a file', () => {
  it('given a name with or without an extension, when saved, then it is a .bpmn file name without unsafe characters', () => {
    expect(bpmnFileName('lead-generation.bpmn')).toBe('lead-generation.bpmn');
    expect(bpmnFileName('Signavio export.XML')).toBe('Signavio-export.bpmn');
    expect(bpmnFileName('../etc/passwd')).toBe('..-etc-passwd.bpmn');
    expect(bpmnFileName('')).toBe('diagram.bpmn');
  });

  it('given a random source, when a new process id is made, then it is an NCName starting with process-', () => {
    expect(newProcessId(() => 0)).toBe('process-aaaaaa');
    expect(newProcessId(() => 0.999)).toBe('process-zzzzzz');
  });
});

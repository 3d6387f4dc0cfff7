import { packageContentHash } from './package-content-hash.js';

const file = (path: string, text: string) => ({ path, content: new TextEncoder().encode(text) });

describe('packageContentHash', () => {
  it('is the same for the same files in any order', () => {
    expect(packageContentHash([file('a.bpmn', 'x'), file('manifest.json', '{}')])).toBe(packageContentHash([file('manifest.json', '{}'), file('a.bpmn', 'x')]));
  });

  it('differs when a byte, a path or the split between path and content differs', () => {
    const base = packageContentHash([file('a.bpmn', 'x')]);
    expect(packageContentHash([file('a.bpmn', 'y')])).not.toBe(base);
    expect(packageContentHash([file('b.bpmn', 'x')])).not.toBe(base);
    expect(packageContentHash([file('a.bpm', 'nx')])).not.toBe(packageContentHash([file('a.bpmn', 'x')]));
  });
});

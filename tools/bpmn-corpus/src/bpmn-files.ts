// The .bpmn files below a folder (any depth), in a stable order; hidden entries and links are skipped.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function bpmnFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await bpmnFiles(path)));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.bpmn')) found.push(path);
  }
  return found.sort();
}

// The JavaScript a browser must load before the first screen shows: the entry chunk of the Vite
// build manifest and every chunk it imports statically, transitively (lazy chunks left out).
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

export type ViteManifest = Record<string, ManifestChunk>;

export function firstScreenFiles(manifest: ViteManifest): string[] {
  const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry);
  if (entries.length !== 1) throw new Error(`the build has ${entries.length} entries, expected 1 (index.html)`);
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest names ${key} but has no entry for it`);
    seen.add(key);
    chunk.imports?.forEach(visit);
  };
  visit(entries[0]!);
  return [...seen].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'));
}

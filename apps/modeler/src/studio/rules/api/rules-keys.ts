// The react-query keys of the rule-set editor, one factory so writes (a deploy) can invalidate them.
export const rulesKeys = {
  all: ['rules'] as const,
  latest: () => [...rulesKeys.all, 'latest'] as const,
  versions: (key: string) => [...rulesKeys.all, 'versions', key] as const,
  version: (id: string) => [...rulesKeys.all, 'version', id] as const,
  factSources: () => [...rulesKeys.all, 'fact-sources'] as const,
};

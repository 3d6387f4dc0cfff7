// The react-query keys of the versions screen.
export const versionsKeys = {
  all: ['versions'] as const,
  processes: () => [...versionsKeys.all, 'processes'] as const,
  diagram: (definitionId: string) => [...versionsKeys.all, 'diagram', definitionId] as const,
};

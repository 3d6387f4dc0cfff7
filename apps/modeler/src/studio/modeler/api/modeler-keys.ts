// The react-query keys of the modeler, one factory so a deployment can invalidate what it changed.
export const modelerKeys = {
  all: ['modeler'] as const,
  versions: (key: string) => [...modelerKeys.all, 'versions', key] as const,
  xml: (definitionId: string) => [...modelerKeys.all, 'xml', definitionId] as const,
  pickers: () => [...modelerKeys.all, 'pickers'] as const,
  picker: (name: string) => [...modelerKeys.pickers(), name] as const,
  parameters: (processKey: string) => [...modelerKeys.pickers(), 'parameters', processKey] as const,
};

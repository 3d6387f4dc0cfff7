// The react-query keys of the processes page, one factory so writes elsewhere can invalidate them.
export const processesKeys = {
  all: ['processes'] as const,
  definitions: () => [...processesKeys.all, 'definitions'] as const,
  packages: () => [...processesKeys.all, 'packages'] as const,
};

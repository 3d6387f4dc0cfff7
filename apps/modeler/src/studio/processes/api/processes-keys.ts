// The react-query keys of the processes page, one factory so a deploy elsewhere can invalidate them
// (`queryClient.invalidateQueries({ queryKey: processesKeys.all })`).
export const processesKeys = {
  all: ['processes'] as const,
  definitions: () => [...processesKeys.all, 'definitions'] as const,
  statistics: () => [...processesKeys.all, 'statistics'] as const,
  packages: () => [...processesKeys.all, 'packages'] as const,
};

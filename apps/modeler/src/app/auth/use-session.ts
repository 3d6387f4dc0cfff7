// The signed-in user for components below RequireSession, and the sign-in/sign-out actions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { forgetUser, sessionKeys, sessionQuery, signIn, signOut, type SessionUser } from './session.api';

/** The signed-in user; only for screens inside RequireSession (which waits for the session). */
export function useCurrentUser(): SessionUser {
  const user = useQuery(sessionQuery).data;
  if (!user) throw new Error('useCurrentUser outside RequireSession');
  return user;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) => signIn(username, password),
    onSuccess: (user) => {
      // Answers cached for someone else must not show through.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.current[0] });
      queryClient.setQueryData(sessionKeys.current, user);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => forgetUser(queryClient),
  });
}

// POST /<records>/{id}/comments and the mention picker (GET …/comments/mentionable?q=): the users
// a mention would notify, those who may see the record.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { definitionOf, type WorkspaceRecordType } from '../record-kinds';
import { recordsKeys } from './records-keys';

export interface CommentView {
  id: string;
  body: string;
  author: { id: string | null; name: string };
  /** The mentioned users who were notified. */
  notified: string[];
  createdAt: string;
}

export interface MentionableUser {
  id: string;
  username: string;
}

function commentsPath(type: WorkspaceRecordType, id: string): string {
  return `/${definitionOf(type).path}/${encodeURIComponent(id)}/comments`;
}

export function mentionableQuery(type: WorkspaceRecordType, id: string, prefix: string) {
  return queryOptions({
    queryKey: recordsKeys.part(type, id, 'mentionable', prefix),
    queryFn: () => apiFetch<{ items: MentionableUser[] }>(`${commentsPath(type, id)}/mentionable?q=${encodeURIComponent(prefix)}`),
    staleTime: 60_000,
  });
}

export function useAddComment(type: WorkspaceRecordType, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => apiFetch<CommentView>(commentsPath(type, id), { json: { body } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: recordsKeys.part(type, id, 'timeline') }),
  });
}

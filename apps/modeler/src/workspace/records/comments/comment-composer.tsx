// A comment on the record, with @mentions: typing `@` offers the users a mention would notify
// (those who may see the record, from the engine), picked by mouse or keyboard (arrows and Enter,
// Escape closes; Mantine's Combobox gives the list its roles). After posting it says whom the
// engine notified.
import { Button, Combobox, Group, Stack, Text, Textarea, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../app/ui/error-alert';
import { mentionableQuery, useAddComment } from '../api/comments.api';
import type { WorkspaceRecordType } from '../record-kinds';
import { insertMention, mentionAt, type MentionQuery } from './mention-at';

const MAX_BODY = 10_000;

export function CommentComposer({ type, id }: { type: WorkspaceRecordType; id: string }) {
  const { t } = useTranslation('records');
  const textareaId = useId();
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [debouncedPrefix] = useDebouncedValue(mention?.prefix ?? null, 150);
  const add = useAddComment(type, id);
  const candidates = useQuery({
    ...mentionableQuery(type, id, debouncedPrefix ?? ''),
    enabled: mention !== null && debouncedPrefix !== null,
    placeholderData: keepPreviousData,
  });
  const options = mention ? (candidates.data?.items ?? []) : [];
  const open = mention !== null && options.length > 0;
  const combobox = useCombobox({ opened: open, onOpenedChange: (opened) => !opened && setMention(null) });
  const optionNames = options.map((user) => user.username).join(' ');

  // The first offer is the one Enter picks, as the list changes with what is typed.
  useEffect(() => {
    if (open) combobox.selectFirstOption();
  }, [combobox, open, optionNames]);

  const follow = (value: string, at: number) => {
    setCaret(at);
    setMention(mentionAt(value, at));
  };

  const pick = (username: string) => {
    if (!mention) return;
    const next = insertMention(text, caret, mention, username);
    setText(next.text);
    setCaret(next.caret);
    setMention(null);
    requestAnimationFrame(() => {
      const element = document.getElementById(textareaId) as HTMLTextAreaElement | null;
      element?.focus();
      element?.setSelectionRange(next.caret, next.caret);
    });
  };

  const submit = () => {
    const body = text.trim();
    if (body === '') return;
    add.mutate(body, {
      onSuccess: () => {
        setText('');
        setMention(null);
      },
    });
  };

  return (
    <form
      aria-label={t('comments.formLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="xs" mb="md">
        <Combobox store={combobox} onOptionSubmit={pick} withinPortal={false}>
          <Combobox.Target>
            <Textarea
              id={textareaId}
              label={t('comments.label')}
              description={t('comments.hint')}
              autosize
              minRows={2}
              maxLength={MAX_BODY}
              value={text}
              aria-autocomplete="list"
              onChange={(event) => {
                setText(event.currentTarget.value);
                follow(event.currentTarget.value, event.currentTarget.selectionStart);
              }}
              onClick={(event) => follow(event.currentTarget.value, event.currentTarget.selectionStart)}
              onBlur={() => setMention(null)}
            />
          </Combobox.Target>
          <Combobox.Dropdown>
            <Combobox.Options aria-label={t('comments.mentionList')}>
              {options.map((user) => (
                <Combobox.Option key={user.id} value={user.username}>
                  @{user.username}
                </Combobox.Option>
              ))}
            </Combobox.Options>
          </Combobox.Dropdown>
        </Combobox>
        {add.isError && <ErrorAlert error={add.error} />}
        {add.isSuccess && add.data.notified.length > 0 && (
          <Text size="sm" c="gray.7" component="output">
            {t('comments.notified', { names: add.data.notified.join(', ') })}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={add.isPending} disabled={text.trim() === ''}>
            {t('comments.post')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

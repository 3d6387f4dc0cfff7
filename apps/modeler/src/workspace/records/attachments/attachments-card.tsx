// The record's files: download each, upload one more. The engine decides what it takes (the kind
// from the content, the size from its limit) and its 413/415 is shown as it words it.
import { Anchor, Button, Card, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../app/format';
import { ErrorAlert } from '../../../app/ui/error-alert';
import { QueryState } from '../../../app/ui/query-state';
import { attachmentsQuery, downloadHref, useDeleteAttachment, useUploadAttachment, type AttachmentView } from '../api/attachments.api';
import type { WorkspaceRecordType } from '../record-kinds';

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10)} KB`;
  return `${formatNumber(Math.round(bytes / (1024 * 102.4)) / 10)} MB`;
}

export function AttachmentsCard({ type, id, canEdit }: { type: WorkspaceRecordType; id: string; canEdit: boolean }) {
  const { t } = useTranslation('records');
  const attachments = useQuery(attachmentsQuery(type, id));
  const upload = useUploadAttachment(type, id);
  const remove = useDeleteAttachment(type, id);
  return (
    <Card withBorder component="section" aria-labelledby="record-attachments-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="record-attachments-title">
          {t('sections.attachments')}
        </Title>
        {canEdit && (
          <FileButton onChange={(file) => file && upload.mutate(file)}>
            {(props) => (
              <Button {...props} size="xs" variant="light" loading={upload.isPending}>
                {t('attachments.upload')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {upload.isError && <ErrorAlert error={upload.error} title={t('attachments.refused')} />}
      {remove.isError && <ErrorAlert error={remove.error} />}
      <QueryState query={attachments} isEmpty={(list) => list.items.length === 0} empty={t('attachments.empty')}>
        {(list) => (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {list.items.map((attachment) => (
              <li key={attachment.id}>
                <AttachmentItem attachment={attachment} canDelete={canEdit} deleting={remove.isPending} onDelete={() => remove.mutate(attachment.id)} />
              </li>
            ))}
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}

/** One file: its download link, size, who and when; Delete asks once more before it removes the file. */
function AttachmentItem({
  attachment,
  canDelete,
  deleting,
  onDelete,
}: {
  attachment: AttachmentView;
  canDelete: boolean;
  deleting: boolean;
  onDelete: () => void;
}) {
  const { t } = useTranslation('records');
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Anchor href={downloadHref(attachment)} download={attachment.fileName} style={{ overflowWrap: 'anywhere' }}>
        {attachment.fileName}
      </Anchor>
      <Text size="xs" c="gray.7">
        {t('attachments.meta', { size: sizeText(attachment.size), name: attachment.uploadedBy.name, at: formatDateTime(attachment.createdAt) })}
      </Text>
      {canDelete &&
        (confirming ? (
          <Group gap="xs" mt={4}>
            <Button
              size="compact-xs"
              color="red"
              loading={deleting}
              onClick={onDelete}
              aria-label={t('attachments.confirmDelete', { name: attachment.fileName })}
            >
              {t('attachments.confirm')}
            </Button>
            <Button size="compact-xs" variant="default" onClick={() => setConfirming(false)}>
              {t('attachments.keep')}
            </Button>
          </Group>
        ) : (
          <Button
            size="compact-xs"
            variant="default"
            mt={4}
            onClick={() => setConfirming(true)}
            aria-label={t('attachments.delete', { name: attachment.fileName })}
          >
            {t('attachments.deleteShort')}
          </Button>
        ))}
    </>
  );
}

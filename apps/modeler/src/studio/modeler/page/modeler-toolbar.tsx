// The modeler's commands: a new diagram, a .bpmn file from disk, undo/redo (also Ctrl+Z / Ctrl+Y
// on the canvas and in the panel), download and deploy.
import { Button, FileButton, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ToolbarProps {
  canUndo: boolean;
  canRedo: boolean;
  deploying: boolean;
  ready: boolean;
  onNew: () => void;
  onOpenFile: (file: File) => void;
  onUndo: () => void;
  onRedo: () => void;
  onDownload: () => void;
  onDeploy: () => void;
}

export function ModelerToolbar(props: ToolbarProps) {
  const { t } = useTranslation('modeler');
  return (
    <Group gap="xs" wrap="wrap" role="toolbar" aria-label={t('title')}>
      <Button variant="default" onClick={props.onNew}>
        {t('newDiagram')}
      </Button>
      <FileButton accept=".bpmn,.xml,application/xml,text/xml" onChange={(file) => file && props.onOpenFile(file)}>
        {(buttonProps) => (
          <Button variant="default" {...buttonProps}>
            {t('openFile')}
          </Button>
        )}
      </FileButton>
      <Button variant="default" onClick={props.onUndo} disabled={!props.canUndo} aria-keyshortcuts="Control+Z">
        {t('undo')}
      </Button>
      <Button variant="default" onClick={props.onRedo} disabled={!props.canRedo} aria-keyshortcuts="Control+Y">
        {t('redo')}
      </Button>
      <Button variant="default" onClick={props.onDownload} disabled={!props.ready}>
        {t('download')}
      </Button>
      <Button onClick={props.onDeploy} loading={props.deploying} disabled={!props.ready}>
        {t('deploy')}
      </Button>
    </Group>
  );
}

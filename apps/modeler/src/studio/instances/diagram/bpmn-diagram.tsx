// A deployed diagram drawn read-only with bpmn-js's NavigatedViewer (pan with the mouse, zoom with
// the buttons), with the live screens' markers and badges. bpmn-js is imported when the component
// mounts, so it is never part of a list's or the first screen's JavaScript. Names and counts go in
// as text (textContent), never as HTML.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './live-diagram.css';
import { ActionIcon, Group, Stack } from '@mantine/core';
import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../app/ui/error-alert';
import { LoadingState } from '../../../app/ui/query-state';
import type { DiagramDecoration } from './diagram-decoration';

/** An element's id and its name in the diagram (null when it has none). */
export type ElementNames = ReadonlyMap<string, string | null>;

interface Canvas {
  zoom(scale?: number | 'fit-viewport'): number;
  addMarker(elementId: string, marker: string): void;
  removeMarker(elementId: string, marker: string): void;
}

interface Overlays {
  add(elementId: string, type: string, overlay: { html: HTMLElement; position: { top?: number; right?: number; bottom?: number; left?: number } }): string;
  remove(filter: { type: string }): void;
}

interface ElementRegistry {
  get(id: string): unknown;
  getAll(): { id: string; businessObject?: { name?: string } }[];
}

const BADGE_TYPE = 'stageflow-live';

export function BpmnDiagram({
  xml,
  decoration,
  label,
  onElements,
  height = 420,
}: {
  xml: string;
  decoration: DiagramDecoration;
  /** What the diagram shows, for assistive technology. */
  label: string;
  /** Told the diagram's elements and their names once it is drawn. */
  onElements?: (names: ElementNames) => void;
  height?: number;
}) {
  const { t } = useTranslation('instances');
  const container = useRef<HTMLElement>(null);
  const [viewer, setViewer] = useState<NavigatedViewer | undefined>();
  const [error, setError] = useState<unknown>();
  const applied = useRef<DiagramDecoration | undefined>(undefined);
  const tellElements = useEffectEvent((names: ElementNames) => onElements?.(names));

  useEffect(() => {
    let cancelled = false;
    let created: NavigatedViewer | undefined;
    void (async () => {
      try {
        const { default: Viewer } = await import('bpmn-js/lib/NavigatedViewer');
        if (cancelled || !container.current) return;
        created = new Viewer({ container: container.current });
        await created.importXML(xml);
        if (cancelled) return;
        created.get<Canvas>('canvas').zoom('fit-viewport');
        const registry = created.get<ElementRegistry>('elementRegistry');
        tellElements(new Map(registry.getAll().map((element) => [element.id, element.businessObject?.name ?? null])));
        applied.current = undefined;
        setViewer(created);
      } catch (caught) {
        if (!cancelled) setError(caught);
      }
    })();
    return () => {
      cancelled = true;
      created?.destroy();
      setViewer(undefined);
    };
  }, [xml]);

  useEffect(() => {
    if (!viewer) return;
    const canvas = viewer.get<Canvas>('canvas');
    const overlays = viewer.get<Overlays>('overlays');
    const registry = viewer.get<ElementRegistry>('elementRegistry');
    const known = (id: string): boolean => registry.get(id) !== undefined;
    for (const marker of applied.current?.markers ?? []) if (known(marker.elementId)) canvas.removeMarker(marker.elementId, marker.className);
    overlays.remove({ type: BADGE_TYPE });
    for (const marker of decoration.markers) if (known(marker.elementId)) canvas.addMarker(marker.elementId, marker.className);
    for (const badge of decoration.badges) {
      if (!known(badge.elementId)) continue;
      const html = document.createElement('span');
      html.className = `sf-badge ${badge.className}`;
      html.textContent = badge.text;
      html.title = badge.label;
      overlays.add(badge.elementId, BADGE_TYPE, { html, position: { top: -10, right: 10 } });
    }
    applied.current = decoration;
  }, [viewer, decoration]);

  const zoom = (factor: number | 'fit'): void => {
    const canvas = viewer?.get<Canvas>('canvas');
    if (!canvas) return;
    if (factor === 'fit') canvas.zoom('fit-viewport');
    else canvas.zoom(canvas.zoom() * factor);
  };

  if (error !== undefined) return <ErrorAlert error={error} title={t('diagram.error')} />;
  return (
    <Stack gap={4}>
      <Group gap={4} justify="flex-end">
        <ActionIcon variant="default" onClick={() => zoom(1.25)} aria-label={t('diagram.zoomIn')} disabled={!viewer}>
          +
        </ActionIcon>
        <ActionIcon variant="default" onClick={() => zoom(0.8)} aria-label={t('diagram.zoomOut')} disabled={!viewer}>
          −
        </ActionIcon>
        <ActionIcon variant="default" onClick={() => zoom('fit')} aria-label={t('diagram.fit')} disabled={!viewer} w="auto" px={6}>
          {t('diagram.fitShort')}
        </ActionIcon>
      </Group>
      <figure className="sf-diagram" style={{ height, margin: 0 }} aria-label={label} ref={container} data-testid="bpmn-diagram">
        {!viewer && <LoadingState label={t('diagram.loading')} />}
      </figure>
    </Stack>
  );
}

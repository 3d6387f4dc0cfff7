// One deployed version drawn read-only: bpmn-js's NavigatedViewer (pan and zoom, no editing) with
// the engine's stageflow descriptor, so stageflow attributes are read as the engine reads them.
// Markers are CSS classes on the diagram's elements (versions.css); nothing from the diagram is
// ever put into the page as HTML — bpmn-js draws names as SVG text.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './versions.css';
import { Alert } from '@mantine/core';
import { stageflowModdleDescriptor } from '@stageflow/bpmn-runtime';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModdleNode } from '../diff/version-changes';

export const FOCUS_MARKER = 'sf-diff-focus';

export interface VersionCanvasProps {
  xml: string;
  /** What the canvas shows, for assistive technology ("Lead qualification, version 3"). */
  label: string;
  /** Element id -> marker class (`sf-diff-added`...). */
  markers?: ReadonlyMap<string, string>;
  /** The element picked in the list: scrolled into view and outlined. */
  focused?: string;
  /** The parsed definitions once the diagram is drawn. */
  onImported?: (definitions: ModdleNode) => void;
  /** Alone on the page: as tall as the window allows. */
  tall?: boolean;
}

export function VersionCanvas({ xml, label, markers, focused, onImported, tall = false }: VersionCanvasProps) {
  const { t } = useTranslation('versions');
  const container = useRef<HTMLDivElement>(null);
  const [viewer, setViewer] = useState<NavigatedViewer>();
  const [failure, setFailure] = useState<string>();
  // The latest callback, read when an import ends (a new callback must not draw the diagram again).
  const imported = useRef(onImported);
  useEffect(() => {
    imported.current = onImported;
  });

  useEffect(() => {
    if (!container.current) return;
    const created = new NavigatedViewer({ container: container.current, moddleExtensions: { stageflow: stageflowModdleDescriptor } });
    let cancelled = false;
    setFailure(undefined);
    created
      .importXML(xml)
      .then(() => {
        if (cancelled) return;
        created.get<Canvas>('canvas').zoom('fit-viewport');
        setViewer(created);
        imported.current?.(created.getDefinitions() as unknown as ModdleNode);
      })
      .catch((error: unknown) => {
        if (!cancelled) setFailure(error instanceof Error ? error.message : String(error));
      });
    return () => {
      cancelled = true;
      setViewer(undefined);
      created.destroy();
    };
  }, [xml]);

  useEffect(() => {
    if (!viewer || !markers) return;
    const canvas = viewer.get<Canvas>('canvas');
    const registry = viewer.get<ElementRegistry>('elementRegistry');
    const applied = [...markers].filter(([elementId]) => registry.get(elementId));
    for (const [elementId, marker] of applied) canvas.addMarker(elementId, marker);
    return () => {
      for (const [elementId, marker] of applied) canvas.removeMarker(elementId, marker);
    };
  }, [viewer, markers]);

  useEffect(() => {
    if (!viewer || !focused) return;
    const canvas = viewer.get<Canvas>('canvas');
    const element = viewer.get<ElementRegistry>('elementRegistry').get(focused);
    if (!element) return;
    canvas.addMarker(focused, FOCUS_MARKER);
    canvas.scrollToElement(element);
    return () => canvas.removeMarker(focused, FOCUS_MARKER);
  }, [viewer, focused]);

  return (
    <>
      {failure && (
        <Alert color="red" title={t('cannotDraw')} mb="xs">
          {failure}
        </Alert>
      )}
      <figure className="sf-version-figure" aria-label={label}>
        <div ref={container} className={tall ? 'sf-version-canvas sf-version-canvas-tall' : 'sf-version-canvas'} />
      </figure>
    </>
  );
}

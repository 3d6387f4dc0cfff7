// The bpmn-js modeler as React state: created once the canvas and panel elements exist, destroyed
// with the page. It reports what the page shows beside it — whether undo/redo are possible, the lint
// issues, the selected element — through bpmn-js's event bus, into a small external store that
// React reads with useSyncExternalStore (bpmn-js is the system outside React).
import type BpmnModeler from 'bpmn-js/lib/Modeler';
import type { i18n } from 'i18next';
import { useEffect, useState, useSyncExternalStore, type RefObject } from 'react';
import type { DiagramElement } from '../properties';
import type { LintIssues } from '../problems/problems';
import { createModeler } from './create-modeler';

export interface ModelerState {
  modeler: BpmnModeler | undefined;
  canUndo: boolean;
  canRedo: boolean;
  lintIssues: LintIssues;
  /** The one selected element (none, or several: undefined). */
  selected: DiagramElement | undefined;
  /** Bumped on every change of the diagram, so derived views re-read it. */
  revision: number;
}

interface CommandStackService {
  canUndo(): boolean;
  canRedo(): boolean;
}

class ModelerStore {
  private state: ModelerState = { modeler: undefined, canUndo: false, canRedo: false, lintIssues: {}, selected: undefined, revision: 0 };
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = () => this.state;

  update(change: (state: ModelerState) => Partial<ModelerState>): void {
    this.state = { ...this.state, ...change(this.state) };
    for (const listener of this.listeners) listener();
  }
}

export function useBpmnModeler(
  canvas: RefObject<HTMLElement | null>,
  propertiesPanel: RefObject<HTMLElement | null>,
  i18next: i18n,
  lintConfig: unknown,
): ModelerState {
  const [store] = useState(() => new ModelerStore());

  useEffect(() => {
    if (!canvas.current || !propertiesPanel.current) return;
    const modeler = createModeler({ canvas: canvas.current, propertiesPanel: propertiesPanel.current, i18next, lintConfig });
    const commandStack = modeler.get<CommandStackService>('commandStack');
    modeler.on('commandStack.changed', () =>
      store.update((state) => ({ canUndo: commandStack.canUndo(), canRedo: commandStack.canRedo(), revision: state.revision + 1 })),
    );
    modeler.on('import.done', () => store.update((state) => ({ canUndo: false, canRedo: false, selected: undefined, revision: state.revision + 1 })));
    modeler.on('linting.completed', (event: { issues: LintIssues }) => store.update(() => ({ lintIssues: event.issues })));
    // A selected label stands for its element (a flow's name, a boundary event's), as in the panel.
    modeler.on('selection.changed', (event: { newSelection: (DiagramElement & { labelTarget?: DiagramElement })[] }) => {
      const [only] = event.newSelection.length === 1 ? event.newSelection : [];
      store.update(() => ({ selected: only?.labelTarget ?? only }));
    });
    store.update(() => ({ modeler }));
    return () => {
      modeler.destroy();
      store.update(() => ({ modeler: undefined, lintIssues: {}, selected: undefined }));
    };
  }, [store, canvas, propertiesPanel, i18next, lintConfig]);

  return useSyncExternalStore(store.subscribe, store.snapshot);
}

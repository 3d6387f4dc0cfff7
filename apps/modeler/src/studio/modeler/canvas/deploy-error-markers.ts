// The engine's deploy errors on the elements they name: a red outline (a canvas marker) and an
// overlay with the messages. The overlay's DOM is built with textContent: a message quotes the
// diagram (names, FEEL) and must never be parsed as HTML.
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';

export const DEPLOY_ERROR_MARKER = 'stageflow-deploy-error';

interface Services {
  canvas: Canvas;
  overlays: Overlays;
  elementRegistry: ElementRegistry;
}

export class DeployErrorMarkers {
  private marked: string[] = [];

  constructor(private readonly services: Services) {}

  /** Marks each element of `byElement` that the diagram has (an id from another file is only listed). */
  show(byElement: ReadonlyMap<string, readonly string[]>): void {
    this.clear();
    const { canvas, overlays, elementRegistry } = this.services;
    for (const [elementId, messages] of byElement) {
      if (!elementRegistry.get(elementId)) continue;
      canvas.addMarker(elementId, DEPLOY_ERROR_MARKER);
      overlays.add(elementId, DEPLOY_ERROR_MARKER, { position: { bottom: -6, left: 0 }, html: overlayOf(messages) });
      this.marked.push(elementId);
    }
  }

  clear(): void {
    const { canvas, overlays, elementRegistry } = this.services;
    for (const elementId of this.marked) {
      if (elementRegistry.get(elementId)) canvas.removeMarker(elementId, DEPLOY_ERROR_MARKER);
    }
    overlays.remove({ type: DEPLOY_ERROR_MARKER });
    this.marked = [];
  }
}

function overlayOf(messages: readonly string[]): HTMLElement {
  const box = document.createElement('div');
  box.className = 'stageflow-deploy-error-overlay';
  box.setAttribute('role', 'note');
  for (const message of messages) {
    const line = document.createElement('div');
    line.textContent = message;
    box.appendChild(line);
  }
  return box;
}

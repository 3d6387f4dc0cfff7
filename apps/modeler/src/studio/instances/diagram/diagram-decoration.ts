// What the live screens draw on a diagram, as data: CSS classes on elements (canvas markers) and
// small text badges beside them (overlays). Built by pure functions (live-decoration.ts), drawn by
// BpmnDiagram; the badges' text is set with textContent, never as HTML.

export interface DiagramMarker {
  elementId: string;
  /** One of the classes of live-diagram.css (`sf-active`, `sf-completed`, `sf-taken`, `sf-incident`, `sf-waiting`). */
  className: string;
}

export interface DiagramBadge {
  elementId: string;
  /** The badge's text (a count). */
  text: string;
  /** What it means, for a tooltip and assistive technology (`entered 3 times`). */
  label: string;
  /** `sf-badge` plus a variant (`sf-badge-count`, `sf-badge-waiting`, `sf-badge-incident`). */
  className: string;
}

export interface DiagramDecoration {
  markers: DiagramMarker[];
  badges: DiagramBadge[];
}

export const NO_DECORATION: DiagramDecoration = { markers: [], badges: [] };

// What the live screens mark on a diagram, from the engine's answers: for one instance, the path it
// took (elements left and flows taken), where its tokens are, its open incidents and the elements
// entered more than once with their count; for a process version, how many instances wait at each
// element. Pure: the labels come in as functions (i18n).
import type { InstancePathView, WaitingInstancesView } from '@stageflow/api-contract';
import type { DiagramBadge, DiagramDecoration, DiagramMarker } from '../diagram/diagram-decoration';

export interface InstanceDecorationLabels {
  /** Badge label of an element entered `count` times. */
  entered: (count: number) => string;
}

export function instanceDecoration(path: InstancePathView, openIncidentElementIds: readonly string[], labels: InstanceDecorationLabels): DiagramDecoration {
  const active = new Set(path.activeElementIds);
  const incident = new Set(openIncidentElementIds);
  const markers: DiagramMarker[] = [];
  for (const element of path.elements) {
    if (element.left > 0 && !active.has(element.elementId)) markers.push({ elementId: element.elementId, className: 'sf-completed' });
  }
  for (const flow of path.flows) markers.push({ elementId: flow.flowId, className: 'sf-taken' });
  for (const elementId of active) markers.push({ elementId, className: incident.has(elementId) ? 'sf-incident' : 'sf-active' });
  for (const elementId of incident) if (!active.has(elementId)) markers.push({ elementId, className: 'sf-incident' });
  const badges: DiagramBadge[] = path.elements
    .filter((element) => element.entered > 1)
    .map((element) => ({ elementId: element.elementId, text: `${element.entered}×`, label: labels.entered(element.entered), className: 'sf-badge-count' }));
  return { markers, badges };
}

export interface WaitingDecorationLabels {
  /** Badge label of an element where `instances` instances wait, `incidents` of them in incident. */
  waiting: (instances: number, incidents: number) => string;
}

export function waitingDecoration(waiting: WaitingInstancesView, labels: WaitingDecorationLabels): DiagramDecoration {
  return {
    markers: waiting.items.map((item) => ({ elementId: item.elementId, className: item.incidents > 0 ? 'sf-incident' : 'sf-waiting' })),
    badges: waiting.items.map((item) => ({
      elementId: item.elementId,
      text: String(item.instances),
      label: labels.waiting(item.instances, item.incidents),
      className: item.incidents > 0 ? 'sf-badge-incident' : 'sf-badge-waiting',
    })),
  };
}

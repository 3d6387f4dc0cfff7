// Hand-written BPMN (the standard packages' diagrams among them) often leaves out a flow node's
// <bpmn:incoming>/<bpmn:outgoing>: they repeat what each sequence flow's sourceRef/targetRef
// already says, and the engine reads only those. bpmnlint's rules and ours read the node's own
// lists, and bpmn-js keeps them up to date only for flows it draws — so before linting, each flow
// is added to its source's outgoing and its target's incoming where it is missing (in document
// order, the engine's order when no <bpmn:outgoing> gives one). Idempotent; the meaning of the
// diagram does not change, and bpmn-js's export then writes the lists out.
import type { ModdleElement } from 'bpmn-moddle';
import { list, reference } from './moddle-element';

export function completeFlowReferences(definitions: ModdleElement): void {
  for (const root of list(definitions, 'rootElements')) {
    if (root.$type === 'bpmn:Process') completeContainer(root);
  }
}

function completeContainer(container: ModdleElement): void {
  for (const element of list(container, 'flowElements')) {
    if (element.$type === 'bpmn:SequenceFlow') {
      addOnce(reference(element, 'sourceRef'), 'outgoing', element);
      addOnce(reference(element, 'targetRef'), 'incoming', element);
    }
    if (Array.isArray(element.flowElements)) completeContainer(element);
  }
}

function addOnce(node: ModdleElement | undefined, property: 'incoming' | 'outgoing', flow: ModdleElement): void {
  if (!node) return;
  // moddle creates a many-valued property's array on first get().
  const get = node.get;
  const flows = (typeof get === 'function' ? (get as (name: string) => unknown).call(node, property) : node[property]) as ModdleElement[] | undefined;
  if (Array.isArray(flows) && !flows.includes(flow)) flows.push(flow);
}

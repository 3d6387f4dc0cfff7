// Reading and changing `<bpmn:extensionElements>` content (the stageflow:ioMapping) as commands of
// `properties-panel.multi-command-executor`: one undo step however many elements it creates.
import { is } from 'bpmn-js/lib/util/ModelUtil';
import type { BpmnFactory, DiagramElement, ModdleElement, PanelCommand } from './panel-types';

export type MappingList = 'inputParameters' | 'outputParameters';

function listOf(element: ModdleElement | undefined, property: string): ModdleElement[] {
  const value = element?.get(property);
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

export function ioMappingOf(element: DiagramElement): ModdleElement | undefined {
  const extensionElements = element.businessObject.get('extensionElements') as ModdleElement | undefined;
  return listOf(extensionElements, 'values').find((value) => is(value, 'stageflow:IoMapping'));
}

export function mappingsOf(element: DiagramElement, list: MappingList): ModdleElement[] {
  return listOf(ioMappingOf(element), list);
}

function update(element: DiagramElement, moddleElement: ModdleElement, properties: Record<string, unknown>): PanelCommand {
  return { cmd: 'element.updateModdleProperties', context: { element, moddleElement, properties } };
}

function created(factory: BpmnFactory, type: string, properties: Record<string, unknown>, parent: ModdleElement): ModdleElement {
  const child = factory.create(type, properties);
  child.$parent = parent;
  return child;
}

/** Adds an input or output mapping (creating extensionElements and the ioMapping when missing). */
export function addMappingCommands(element: DiagramElement, list: MappingList, target: string, factory: BpmnFactory): PanelCommand[] {
  const commands: PanelCommand[] = [];
  const businessObject = element.businessObject;
  let extensionElements = businessObject.get('extensionElements') as ModdleElement | undefined;
  if (!extensionElements) {
    extensionElements = created(factory, 'bpmn:ExtensionElements', { values: [] }, businessObject);
    commands.push(update(element, businessObject, { extensionElements }));
  }
  let ioMapping = ioMappingOf(element);
  if (!ioMapping) {
    ioMapping = created(factory, 'stageflow:IoMapping', { inputParameters: [], outputParameters: [] }, extensionElements);
    commands.push(update(element, extensionElements, { values: [...listOf(extensionElements, 'values'), ioMapping] }));
  }
  const mapping = created(factory, list === 'inputParameters' ? 'stageflow:Input' : 'stageflow:Output', { target }, ioMapping);
  commands.push(update(element, ioMapping, { [list]: [...listOf(ioMapping, list), mapping] }));
  return commands;
}

/** Removes a mapping, and the ioMapping with it when nothing is left in it. */
export function removeMappingCommands(element: DiagramElement, list: MappingList, mapping: ModdleElement): PanelCommand[] {
  const ioMapping = ioMappingOf(element);
  if (!ioMapping) return [];
  const remaining = listOf(ioMapping, list).filter((item) => item !== mapping);
  const commands = [update(element, ioMapping, { [list]: remaining })];
  const other: MappingList = list === 'inputParameters' ? 'outputParameters' : 'inputParameters';
  if (remaining.length === 0 && listOf(ioMapping, other).length === 0) {
    const extensionElements = ioMapping.$parent;
    if (extensionElements)
      commands.push(update(element, extensionElements, { values: listOf(extensionElements, 'values').filter((value) => value !== ioMapping) }));
  }
  return commands;
}

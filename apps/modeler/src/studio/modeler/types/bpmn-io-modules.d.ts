// The bpmn-io packages we use ship JavaScript without types: this is the part of their surface
// the modeler calls (checked against @bpmn-io/properties-panel 3.55 and bpmn-js-properties-panel 5.65).
declare module '@bpmn-io/properties-panel' {
  import type { ComponentChild } from '@bpmn-io/properties-panel/preact';

  export interface EntryBaseProps {
    element: unknown;
    id: string;
    label: string;
    description?: string;
    tooltip?: string;
    disabled?: boolean;
  }
  export interface TextEntryProps<T> extends EntryBaseProps {
    getValue: (element: T) => string | undefined;
    setValue: (value: string | undefined) => void;
    debounce: (fn: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown;
    validate?: (value: string | undefined) => string | null | undefined;
    placeholder?: string;
  }
  export interface SelectOption {
    value: string;
    label: string;
    disabled?: boolean;
  }
  export interface SelectEntryProps<T> extends EntryBaseProps {
    getValue: (element: T) => string;
    setValue: (value: string) => void;
    getOptions: (element: T) => SelectOption[];
  }
  export interface CheckboxEntryProps<T> extends EntryBaseProps {
    getValue: (element: T) => boolean;
    setValue: (value: boolean) => void;
  }
  export function TextFieldEntry<T>(props: TextEntryProps<T>): ComponentChild;
  export function TextAreaEntry<T>(props: TextEntryProps<T> & { rows?: number; monospace?: boolean; autoResize?: boolean }): ComponentChild;
  export function SelectEntry<T>(props: SelectEntryProps<T>): ComponentChild;
  export function CheckboxEntry<T>(props: CheckboxEntryProps<T>): ComponentChild;
  export function isTextFieldEntryEdited(node: HTMLElement): boolean;
  export function isTextAreaEntryEdited(node: HTMLElement): boolean;
  export function isSelectEntryEdited(node: HTMLElement): boolean;
  export function isCheckboxEntryEdited(node: HTMLElement): boolean;
  export const Group: unknown;
  export const ListGroup: unknown;
}

declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: import('didi').ModuleDeclaration;
  export const BpmnPropertiesProviderModule: import('didi').ModuleDeclaration;
  /** A service of the modeler's injector, inside a properties-panel component. */
  export function useService<T = unknown>(name: string): T;
}

declare module 'bpmn-js-bpmnlint' {
  const lintModule: import('didi').ModuleDeclaration;
  export default lintModule;
}

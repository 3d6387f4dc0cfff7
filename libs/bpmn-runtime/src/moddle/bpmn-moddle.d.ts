// bpmn-moddle ships no types for its main entry; this is the part we use.
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    readonly $type: string;
    readonly $attrs?: Record<string, string>;
    readonly $parent?: ModdleElement;
    readonly id?: string;
    readonly [property: string]: unknown;
  }

  export interface ModdleWarning {
    readonly message: string;
    readonly element?: ModdleElement;
    readonly property?: string;
    readonly value?: unknown;
    readonly error?: Error;
  }

  export interface ParseResult {
    readonly rootElement: ModdleElement;
    readonly warnings: ModdleWarning[];
    readonly elementsById: Record<string, ModdleElement>;
  }

  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string, options?: Record<string, unknown>): Promise<ParseResult>;
  }
}

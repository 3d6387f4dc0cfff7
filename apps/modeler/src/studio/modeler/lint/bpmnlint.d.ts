// bpmnlint ships its types beside its CommonJS sources (lib/types.d.ts) but declares no entry
// for them; these are the parts we use: the Linter, and rule factories from bpmnlint/rules/*.
// (An ambient module cannot import our lint-types.ts by a relative path: the shapes are repeated
// structurally here, and TypeScript checks them against lint-types.ts where they meet.)
declare module 'bpmnlint' {
  export class Linter {
    constructor(options: { config: object; resolver: object });
    lint(
      moddleRoot: unknown,
      config?: object,
    ): Promise<Record<string, { id?: string; message: string; category: 'off' | 'warn' | 'error' | 'info' | 'rule-error' }[]>>;
  }
}

declare module 'bpmnlint/rules/*' {
  const factory: (options?: unknown) => {
    check: (
      element: import('bpmn-moddle').ModdleElement,
      reporter: { report(id: string | undefined, message: string, path?: string[]): void },
    ) => boolean | void;
  };
  export default factory;
}

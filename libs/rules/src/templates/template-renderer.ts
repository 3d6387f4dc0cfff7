// liquidjs templates of actions (e-mail subject and body, task titles, webhook bodies), sandboxed:
// - templates come only from memory: `templates` maps the names of a deployment's template
//   resources to their text, so `{% include %}`, `{% render %}` and `{% layout %}` look there
//   and never on disk (liquidjs's default is to read files under a root);
// - a template sees only the variables it is given: no globals, only own properties (no
//   `constructor`, `__proto__`, or methods of the values), no process environment;
// - unknown filters are errors; parse size, render time and memory are bounded, so a template
//   cannot stall a job; dates render in UTC, whatever the server's time zone.
import type { JsonObject } from '@stageflow/process-package';
import { Liquid, type Template } from 'liquidjs';

export type TemplateRender = { ok: true; text: string } | { ok: false; message: string };

export const templateLimits = {
  /** Characters a template may have. */
  maxTemplateLength: 100_000,
  /** Milliseconds one render may take. */
  renderMs: 200,
  /** Rough size (liquidjs's count) of what one render may build. */
  memory: 5_000_000,
} as const;

const parsedCacheLimit = 500;

export class TemplateRenderer {
  private readonly liquid: Liquid;
  private readonly parsed = new Map<string, Template[]>();

  /** `templates`: deployed template resources by name (what include/render/layout may name). */
  constructor(templates: Readonly<Record<string, string>> = {}) {
    this.liquid = new Liquid({
      templates: { ...templates },
      globals: {},
      ownPropertyOnly: true,
      strictFilters: true,
      timezoneOffset: 0,
      parseLimit: templateLimits.maxTemplateLength,
      renderLimit: templateLimits.renderMs,
      memoryLimit: templateLimits.memory,
      cache: true,
    });
  }

  /**
   * Why `source` is not a valid template (for the deploy check), or undefined: it must parse,
   * and every template it includes, renders or extends by a literal name (and those in turn)
   * must be one of this renderer's templates. (A name given by a variable can only be judged
   * when rendering, where an unknown name fails the same way.)
   */
  check(source: string): string | undefined {
    try {
      this.liquid.analyzeSync(this.parse(source), { partials: true });
      return undefined;
    } catch (error) {
      const missing = /^ENOENT: Failed to lookup "([^"]*)"/.exec(error instanceof Error ? error.message : '');
      return missing ? `names the template "${missing[1]}", which is not deployed` : describe(error);
    }
  }

  /** Renders an inline template (an action's text field) over `variables`. */
  render(source: string, variables: JsonObject): TemplateRender {
    try {
      return { ok: true, text: this.liquid.renderSync(this.parse(source), { ...variables }) as string };
    } catch (error) {
      return { ok: false, message: describe(error) };
    }
  }

  /** Renders the deployed template resource `name` over `variables`. */
  renderNamed(name: string, variables: JsonObject): TemplateRender {
    try {
      return { ok: true, text: this.liquid.renderFileSync(name, { ...variables }) as string };
    } catch (error) {
      return { ok: false, message: describe(error) };
    }
  }

  private parse(source: string): Template[] {
    let templates = this.parsed.get(source);
    if (templates === undefined) {
      templates = this.liquid.parse(source);
      if (this.parsed.size >= parsedCacheLimit) this.parsed.clear();
      this.parsed.set(source, templates);
    }
    return templates;
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].slice(0, 500);
}

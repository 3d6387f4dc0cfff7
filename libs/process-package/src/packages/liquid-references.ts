// What a liquid template names, found without liquidjs (this lib stays free of it; the engine
// parses every template at deploy with @stageflow/rules): the package parameters it reads
// (`{{ params.firstContactSlaHours }}`, `params["name"]`) and the templates it includes,
// renders or extends by a literal name (`{% include "signature" %}`). Only the inside of
// `{{ }}` and `{% %}` tags is read, so text that merely mentions params is not a reference.
const TAG = /\{\{([\s\S]*?)\}\}|\{%([\s\S]*?)%\}/g;
const PARAMETER = /(?<![\w.$])params\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_]*)|\[\s*(["'])([^"']*)\2\s*\])/g;
const NAMED_TEMPLATE = /^-?\s*(?:include|render|layout)\s+(["'])([^"']+)\1/;

function tags(source: string): { output: string; code: string }[] {
  return [...source.matchAll(TAG)].map((match) => ({ output: match[1] ?? '', code: match[2] ?? '' }));
}

/** The parameter names a liquid source reads, each once, in order of appearance. */
export function liquidParameterNames(source: string): string[] {
  const names = new Set<string>();
  for (const { output, code } of tags(source)) {
    for (const match of `${output} ${code}`.matchAll(PARAMETER)) names.add(match[1] ?? match[3] ?? '');
  }
  return [...names];
}

/** The templates a liquid source includes, renders or extends by a literal name, each once. */
export function liquidTemplateNames(source: string): string[] {
  const names = new Set<string>();
  for (const { code } of tags(source)) {
    const match = NAMED_TEMPLATE.exec(code);
    if (match) names.add(match[2]!);
  }
  return [...names];
}

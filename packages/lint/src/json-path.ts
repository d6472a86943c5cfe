/** A step of a JSONPath: a key, an index, or a filter on a list item's `name`. */
export type PathStep = string | number | { name: string };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * The JSONPath of a place in a document, as every finding writes it (Goessner's JSONPath, the
 * notation RFC 9535 standardised): `jsonPath('paths', '/todos', 'get')` is `$.paths['/todos'].get`,
 * `jsonPath('parameters', { name: 'q' })` is `$.parameters[?(@.name=='q')]`.
 */
export function jsonPath(...steps: PathStep[]): string {
  return steps.reduce<string>((path, step) => {
    if (typeof step === 'number') return `${path}[${step}]`;
    if (typeof step === 'object') return `${path}[?(@.name=='${quote(step.name)}')]`;
    return IDENTIFIER.test(step) ? `${path}.${step}` : `${path}['${quote(step)}']`;
  }, '$');
}

const quote = (text: string) => text.replace(/\\/g, '\\\\').replace(/'/g, "\\'");

/** Length in characters as a reader counts them (code points): 单词本 is 3, 📘 is 1. */
export function charCount(text: string): number {
  let count = 0;
  for (const _ of text) count++; // eslint-disable-line @typescript-eslint/no-unused-vars
  return count;
}

import { parametersOf, type ErnieParameter } from './ernie-parameters';
import { charCount, jsonPath } from './json-path';
import { checkRules, type Rule, type RuleFinding } from './rules';
import { perOperation, type SpecOperation } from './spec-operations';

// ERNIE Bot (文心一言) rules for openapi.yaml, from its plugin guide (§1.2).

/** The spec as ERNIE reads it: its text, and the parsed document. */
export interface SpecInput {
  text: string;
  document: unknown;
}

/** A rule applied to every parameter (body properties included) of every operation. */
function perParameter(
  rule: Omit<Rule<SpecInput>, 'check'>,
  message: (p: ErnieParameter, op: SpecOperation) => string | undefined,
): Rule<SpecInput> {
  return perOperation(rule, (op) =>
    parametersOf(op).flatMap((p) => {
      const text = message(p, op);
      return text ? [{ path: p.path, message: text }] : [];
    }),
  );
}

function tooLong(what: string, value: unknown, max: number): string | undefined {
  if (typeof value !== 'string' || charCount(value) <= max) return undefined;
  return `${what} is ${charCount(value)} characters; ERNIE allows ${max}`;
}

/** A rule that an operation's `field` (`operationId`, `summary`, `description`) is short enough. */
function operationText(
  field: 'operationId' | 'summary' | 'description',
  max: number,
  fix: string,
): Rule<SpecInput> {
  const id = field === 'operationId' ? 'ernie/operation-id-length' : `ernie/${field}-length`;
  const rule = { id, severity: 'error' as const, path: `$.paths.*.*.${field}`, fix };
  return perOperation(rule, (op) => {
    const message = tooLong(`the \`${field}\` of ${op.name}`, op.definition[field], max);
    return message ? [{ path: jsonPath(...op.steps, field), message }] : [];
  });
}

export const ERNIE_SPEC_RULES: readonly Rule<SpecInput>[] = [
  {
    id: 'ernie/spec-length',
    severity: 'error',
    path: '$',
    fix: 'cut the spec to 1000 characters, whitespace not counted: share schemas, drop prose',
    check({ text }) {
      const count = charCount(text.replace(/\s/g, ''));
      return count <= 1000
        ? []
        : [
            {
              path: '$',
              message: `openapi.yaml is ${count} characters without whitespace; ERNIE allows 1000`,
            },
          ];
    },
  },
  operationText('operationId', 20, 'shorten the `operationId` to 20 characters'),
  operationText(
    'summary',
    50,
    'shorten the `summary` to 50 characters; details go in `description`',
  ),
  operationText('description', 150, 'shorten the `description` to 150 characters'),
  perParameter(
    {
      id: 'ernie/parameter-name-length',
      severity: 'error',
      path: '$.paths.*.*.parameters[*].name',
      fix: 'shorten the parameter name to 20 characters',
    },
    (p) => tooLong(`parameter name \`${p.name}\``, p.name, 20),
  ),
  perParameter(
    {
      id: 'ernie/parameter-description-length',
      severity: 'error',
      path: '$.paths.*.*.parameters[*].description',
      fix: 'shorten the parameter description to 50 characters',
    },
    (p) => tooLong(`the description of \`${p.name}\``, p.description, 50),
  ),
  perOperation(
    {
      id: 'ernie/parameter-count',
      severity: 'warning',
      path: '$.paths.*.*',
      fix: 'take at most 5 parameters, JSON body properties included: split the operation',
    },
    (op) => {
      const count = parametersOf(op).length;
      if (count <= 5) return [];
      return [
        {
          path: op.at,
          message: `${op.name} takes ${count} parameters (body properties included); ERNIE advises at most 5`,
        },
      ];
    },
  ),
  perParameter(
    {
      id: 'ernie/parameter-type',
      severity: 'warning',
      path: '$.paths.*.*.parameters[*].schema.type',
      fix: 'use a string, number, integer or boolean parameter; flatten arrays and objects',
    },
    (p) =>
      p.type === 'array' || p.type === 'object'
        ? `parameter \`${p.name}\` is an ${p.type}; ERNIE advises strings, numbers and booleans`
        : undefined,
  ),
];

/** Checks a spec (its text and parsed document, as `loadSpec` gives) against ERNIE's rules. */
export function checkErnieSpec(spec: SpecInput): RuleFinding[] {
  return checkRules(ERNIE_SPEC_RULES, spec);
}

import type { OpenApiDocument } from '@repo/openapi';
import { charCount, jsonPath } from './json-path';
import type { Rule } from './rules';
import { specOperations } from './spec-operations';

// Rules for an OpenAPI spec that every plugin host applies, with OpenAI's limits (GPT Actions
// and plugins). ERNIE's stricter limits are in ernie-spec-rules.ts, Actions' in actions-rules.ts.

/** The spec as a linter reads it: text, parsed document, validator problems, plugin origin. */
export interface SpecLintInput {
  text: string;
  document: unknown;
  /** What the OpenAPI validator said (`specProblems`); empty when the document is valid. */
  problems: readonly string[];
  origin?: string | undefined;
}

export const OPENAI_SPEC_RULES: readonly Rule<SpecLintInput>[] = [
  {
    id: 'spec/valid-openapi',
    severity: 'error',
    path: '$',
    fix: 'make the spec a valid OpenAPI 3 document (the message says where it is not)',
    check: ({ problems }) => problems.map((message) => ({ path: '$', message })),
  },
  {
    id: 'spec/operation-id',
    severity: 'error',
    path: '$.paths',
    fix: 'give every operation a unique `operationId`: it is the name the model calls it by',
    check: ({ document }) =>
      specOperations(document)
        .filter((o) => !o.operationId)
        .map((o) => ({ path: o.at, message: 'the operation has no `operationId`' })),
  },
  {
    // GPT Actions, production notes (https://developers.openai.com/api/docs/actions/production):
    // "300 characters max for each API endpoint description/summary field".
    id: 'openai/operation-description-length',
    severity: 'error',
    path: '$.paths',
    fix: 'keep each operation summary and description to 300 characters',
    check: ({ document }) =>
      specOperations(document).flatMap((o) =>
        (['summary', 'description'] as const).flatMap((field) => {
          const value = o.definition[field];
          if (typeof value !== 'string' || charCount(value) <= 300) return [];
          return [
            {
              path: jsonPath(...o.steps, field),
              message: `the ${field} is ${charCount(value)} characters; the limit is 300`,
            },
          ];
        }),
      ),
  },
  {
    // The same page: "700 characters max for each API parameter description field".
    id: 'openai/parameter-description-length',
    severity: 'error',
    path: '$.paths',
    fix: 'keep each parameter description to 700 characters',
    check: ({ document }) =>
      specOperations(document).flatMap((o) =>
        o.parameters.flatMap(({ name, description }) => {
          if (typeof description !== 'string' || charCount(description) <= 700) return [];
          return [
            {
              path: jsonPath(...o.steps, 'parameters', { name }, 'description'),
              message: `the description of \`${name}\` is ${charCount(description)} characters; the limit is 700`,
            },
          ];
        }),
      ),
  },
  {
    id: 'spec/server-on-origin',
    severity: 'error',
    path: '$.servers[0].url',
    fix: "point `servers[0].url` at the plugin's own origin, where hosts will send the calls",
    check: ({ document, origin }) => {
      const url = (document as OpenApiDocument | undefined)?.servers?.[0]?.url;
      if (!origin) return [];
      if (!url || !URL.canParse(url))
        return [{ path: '$.servers[0].url', message: '`servers[0].url` is not an absolute URL' }];
      return new URL(url).origin === new URL(origin).origin
        ? []
        : [
            {
              path: '$.servers[0].url',
              message: `\`servers[0].url\` ${url} is not on ${new URL(origin).origin}`,
            },
          ];
    },
  },
];

import type { OpenAPIV3 } from 'openapi-types';
import { dereferenceSpec } from './dereference';
import type { OpenApiDocument } from './load-spec';
import { HTTP_METHODS } from './operations';
import type { Rule } from '@repo/rules';

// Rules for an OpenAPI spec that every plugin host applies, with OpenAI's limits (GPT Actions
// and plugins). ERNIE's stricter limits are in ernie-rules.ts.

/** The spec as a linter reads it: text, parsed document, validator problems, plugin origin. */
export interface SpecLintInput {
  text: string;
  document: unknown;
  /** What the OpenAPI validator said (`specProblems`); empty when the document is valid. */
  problems: readonly string[];
  origin?: string | undefined;
}

interface RawOperation {
  at: string;
  operation: OpenAPIV3.OperationObject;
  parameters: OpenAPIV3.ParameterObject[];
}

/** Every operation of a possibly broken document, `$ref`s resolved where they resolve. */
function operations(document: unknown): RawOperation[] {
  let doc = document as OpenApiDocument;
  try {
    doc = dereferenceSpec(doc);
  } catch {
    // A broken $ref is reported by `spec/valid-openapi`; look at the rest as written.
  }
  const out: RawOperation[] = [];
  for (const [path, item] of Object.entries(doc?.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item?.[method];
      if (!operation || typeof operation !== 'object') continue;
      const parameters = [
        ...(item?.parameters ?? []),
        ...(operation.parameters ?? []),
      ] as OpenAPIV3.ParameterObject[];
      out.push({ at: `$.paths['${path}'].${method}`, operation, parameters });
    }
  }
  return out;
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
      operations(document)
        .filter((o) => !o.operation.operationId)
        .map((o) => ({ path: o.at, message: 'the operation has no `operationId`' })),
  },
  {
    id: 'openai/operation-description-length',
    severity: 'error',
    path: '$.paths',
    fix: 'keep each operation summary and description to 300 characters',
    check: ({ document }) =>
      operations(document).flatMap((o) =>
        (['summary', 'description'] as const)
          .filter((field) => (o.operation[field]?.length ?? 0) > 300)
          .map((field) => ({
            path: `${o.at}.${field}`,
            message: `the ${field} is ${o.operation[field]!.length} characters; the limit is 300`,
          })),
      ),
  },
  {
    id: 'openai/parameter-description-length',
    severity: 'error',
    path: '$.paths',
    fix: 'keep each parameter description to 700 characters',
    check: ({ document }) =>
      operations(document).flatMap((o) =>
        o.parameters
          .filter((p) => (p.description?.length ?? 0) > 700)
          .map((p) => ({
            path: `${o.at}.parameters[?(@.name=='${p.name}')].description`,
            message: `the description of \`${p.name}\` is ${p.description!.length} characters; the limit is 700`,
          })),
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

/** A response a host reads (a manifest, a spec, an API answer), by name. */
export interface ResponseInput {
  name: string;
  text: string;
}

export const RESPONSE_RULES: readonly Rule<ResponseInput>[] = [
  {
    id: 'openai/response-size',
    severity: 'error',
    path: '$',
    fix: 'keep every response under 100,000 characters: page or trim large results',
    check: ({ name, text }) =>
      text.length >= 100_000
        ? [
            {
              path: '$',
              message: `${name} is ${text.length} characters; hosts drop responses of 100,000 or more`,
            },
          ]
        : [],
  },
];

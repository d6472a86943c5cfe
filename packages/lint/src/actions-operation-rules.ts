import type { OpenAPIV3 } from 'openapi-types';
import { FLAG } from './actions-support';
import type { SpecLintInput } from './openai-spec-rules';
import type { Rule } from './rules';
import { perOperation, type SpecOperation } from './spec-operations';

// GPT Actions' rules on each operation; the sources are named in actions-rules.ts.

const CHANGES_DATA = new Set(['post', 'put', 'patch', 'delete']);
const SAFE = new Set(['get', 'head', 'options']); // RFC 9110 §9.2.1
const isJson = (type: string) => /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type);
const flagOf = (op: SpecOperation) => (op.definition as Record<string, unknown>)[FLAG];
const contentOf = (object: unknown) =>
  (object as { content?: Record<string, unknown> } | undefined)?.content;

/** The media types of an operation's request body and answers, and where each is. */
function mediaTypes(op: SpecOperation): { at: string[]; type: string }[] {
  const body = Object.keys(contentOf(op.definition.requestBody) ?? {}).map((type) => ({
    at: ['requestBody', 'content', type],
    type,
  }));
  const answers = Object.entries(op.definition.responses ?? {}).flatMap(([status, r]) =>
    Object.keys(contentOf(r) ?? {}).map((type) => ({
      at: ['responses', status, 'content', type],
      type,
    })),
  );
  return [...body, ...answers];
}

export const ACTIONS_OPERATION_RULES: readonly Rule<SpecLintInput>[] = [
  perOperation(
    {
      // Not on the Actions pages: the pattern of OpenAI's function names, which operations become.
      id: 'actions/operation-id-format',
      severity: 'warning',
      path: '$.paths.*.*.operationId',
      fix: 'write the `operationId` in 1 to 64 letters, digits, `_` and `-`',
    },
    ({ operationId }) =>
      operationId && !/^[A-Za-z0-9_-]{1,64}$/.test(operationId)
        ? [
            {
              at: ['operationId'],
              message: `\`${operationId}\` is not 1-64 letters, digits, _ and -`,
            },
          ]
        : [],
  ),
  perOperation(
    {
      // Production notes: "Custom headers are not supported"; auth is set in the GPT's settings.
      id: 'actions/custom-header',
      severity: 'error',
      path: "$.paths.*.*.parameters[?(@.in=='header')]",
      fix: 'take the value in the query, the path or the JSON body; auth goes in the GPT’s settings',
    },
    (op) =>
      op.parameters
        .filter((p) => p.in === 'header')
        .map(({ name }) => ({
          at: ['parameters', { name }],
          message: `header parameter \`${name}\`: Actions send no custom headers`,
        })),
  ),
  perOperation(
    {
      // Production notes: "Requests and responses can only contain text (no images or video)".
      id: 'actions/text-only',
      severity: 'error',
      path: '$.paths.*.*',
      fix: 'send and answer text (JSON); link to media by URL instead',
    },
    (op) =>
      mediaTypes(op)
        .filter(({ type }) => /^(image|audio|video)\/|^application\/octet-stream/i.test(type))
        .map(({ at, type }) => ({ at, message: `${type} is not text` })),
  ),
  perOperation(
    {
      id: 'actions/json-body',
      severity: 'warning',
      path: '$.paths.*.*.requestBody.content',
      fix: 'accept the request body as `application/json`, which is what the model writes',
    },
    (op) => {
      const types = Object.keys(contentOf(op.definition.requestBody) ?? {});
      if (!op.definition.requestBody || types.some(isJson)) return [];
      return [
        {
          at: ['requestBody', 'content'],
          message: `the body is ${types.join(', ') || 'of no media type'}, not JSON`,
        },
      ];
    },
  ),
  perOperation(
    {
      id: 'actions/json-response',
      severity: 'warning',
      path: '$.paths.*.*.responses.*.content',
      fix: 'answer `application/json` (other media types may be offered beside it)',
    },
    (op) =>
      Object.entries(op.definition.responses ?? {}).flatMap(([status, r]) => {
        const types = Object.keys(contentOf(r as OpenAPIV3.ResponseObject) ?? {});
        if (!/^2/.test(status) || !types.length || types.some(isJson)) return [];
        return [
          {
            at: ['responses', status, 'content'],
            message: `the ${status} answer is ${types.join(', ')}, not JSON`,
          },
        ];
      }),
  ),
  perOperation(
    {
      // Production notes, "Consequential flag": when true, ChatGPT asks the user before each call.
      id: 'actions/is-consequential',
      severity: 'warning',
      path: `$.paths.*.*['${FLAG}']`,
      fix: `set \`${FLAG}: true\` on each operation that changes data (false where a call is harmless)`,
    },
    (op) => {
      const value = flagOf(op);
      if (value === undefined && CHANGES_DATA.has(op.method))
        return [{ message: `${op.name} changes data but does not set \`${FLAG}\`` }];
      if (value !== undefined && typeof value !== 'boolean')
        return [
          { at: [FLAG], message: `\`${FLAG}\` is ${JSON.stringify(value)}, not true or false` },
        ];
      return [];
    },
  ),
  perOperation(
    {
      id: 'actions/is-consequential-method',
      severity: 'warning',
      path: `$.paths.*.*['${FLAG}']`,
      fix: `mark reads (GET) \`${FLAG}: false\`, and writes (PUT, PATCH, DELETE) true`,
    },
    (op) => {
      const value = flagOf(op);
      const method = op.method.toUpperCase();
      if (value === true && SAFE.has(op.method))
        return [
          {
            at: [FLAG],
            message: `${op.name} is a ${method}, safe by RFC 9110 §9.2.1, yet marked consequential`,
          },
        ];
      if (value === false && CHANGES_DATA.has(op.method) && op.method !== 'post')
        return [
          {
            at: [FLAG],
            message: `${op.name} is a ${method}, which changes data, yet not marked consequential`,
          },
        ];
      return [];
    },
  ),
];

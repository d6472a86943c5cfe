import { createServer, type Server } from 'node:http';
import fc from 'fast-check';
import type Koa from 'koa';
import request from 'supertest';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { MANIFEST_PATH, type Manifest } from '@repo/manifest';
import {
  dereferenceSpec,
  listOperations,
  type OpenApiDocument,
  type Operation,
} from '@repo/openapi';
import { answerProblem } from './answer-problem';
import { requestArbitrary } from './request-arbitrary';
import { describeRequest } from './request-parts';
import { sendRequest } from './send-request';
import { modelProperty, type SpecModel } from './spec-model';

export interface SpecPropertyOptions<State> {
  /** Builds the app under test; called once, before the properties are collected. */
  createApp(): Promise<Koa>;
  /** Headers for every API call, such as a bearer token; some requests drop or garble them. */
  apiHeaders?(app: Koa): Promise<Record<string, string>>;
  /** Requests per operation; 100 unless given. */
  runs?: number;
  /** Sequences the model is checked on; 30 unless given. */
  modelRuns?: number;
  /** How long one request may take before it counts as a hang; 2 s unless given. */
  requestTimeoutMs?: number;
  /** Each property's vitest timeout; 60 s unless given (a failure shrinks, which takes time). */
  testTimeoutMs?: number;
  /** Values to draw parameters and body fields of these names from. */
  values?: Record<string, readonly unknown[]>;
  /** Headers the app reads that its spec does not declare, with values to draw them from. */
  headers?: Record<string, readonly string[]>;
  /** The expected behaviour of the app's state; without it only the per-request property runs. */
  model?: SpecModel<State>;
  /** Passed to `fc.assert`: `{ seed, path }` replays a failure fast-check reported. */
  parameters?: fc.Parameters<unknown>;
}

async function specOf(app: Koa): Promise<Operation[]> {
  const manifest = (await request(app.callback()).get(MANIFEST_PATH)).body as Manifest;
  const spec = await request(app.callback()).get(new URL(manifest.api.url).pathname);
  return listOperations(dereferenceSpec(load(spec.text) as OpenApiDocument));
}

/**
 * Property-based tests generated from an app's own spec: for every operation, any request,
 * valid or not, gets a documented 2xx matching its schema or a JSON 4xx, within the time bound;
 * with a `model`, any sequence of requests leaves the app's state as the model says.
 * @example describeSpecProperties('todo-noauth', { createApp: () => createApp() });
 */
export function describeSpecProperties<State>(
  name: string,
  options: SpecPropertyOptions<State>,
): void {
  const runs = options.runs ?? 100;
  const timeoutMs = options.requestTimeoutMs ?? 2000;
  const timeout = options.testTimeoutMs ?? 60_000;
  describe(`${name} answers any request by its spec`, async () => {
    const app = await options.createApp();
    const operations = await specOf(app);
    let server: Server;
    let headers: Record<string, string> = {};
    beforeAll(async () => {
      headers = (await options.apiHeaders?.(app)) ?? {};
      server = createServer(app.callback());
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      // A handler that hung still holds its socket; the test has already failed for it.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const credentials = () => Object.keys(headers);

    for (const operation of operations) {
      it(
        `${operation.operationId}: a documented 2xx matching its schema, or a JSON 4xx, in time`,
        { timeout },
        async () => {
          const { values, headers: extra } = options;
          const requests = requestArbitrary(operation, {
            values,
            headers: extra,
            credentials: credentials(),
          });
          const property = fc.asyncProperty(requests, async (generated) => {
            const answer = await sendRequest(server, generated, headers, timeoutMs);
            const problem = answerProblem(operation, answer);
            // A plain Error: vitest would cut an assertion's message short, and this one is the
            // whole finding.
            if (problem) throw new Error(`${describeRequest(generated)} ${problem}`);
          });
          await fc.assert(property, {
            numRuns: runs,
            includeErrorInReport: true,
            ...seedFromEnv(),
            ...options.parameters,
          });
        },
      );
    }

    const { model } = options;
    if (model) {
      it(
        `after any sequence of requests, ${model.read} shows what the model of its writes says`,
        { timeout },
        async () => {
          const run = { server, operations, headers, credentials: credentials(), timeoutMs };
          await fc.assert(modelProperty(model, run), {
            numRuns: options.modelRuns ?? 30,
            includeErrorInReport: true,
            ...seedFromEnv(),
            ...options.parameters,
          });
        },
      );
    }
  });
}

// `FC_SEED` fixes the seed (CI sets one, so a run there is repeatable); unset, every run draws a
// new one and may find what the last did not.
export function seedFromEnv(): { seed?: number } {
  const seed = Number(process.env.FC_SEED);
  return process.env.FC_SEED && Number.isSafeInteger(seed) ? { seed } : {};
}

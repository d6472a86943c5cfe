import type { Server } from 'node:http';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Operation } from '@repo/openapi';
import { answerProblem } from './answer-problem';
import { requestArbitrary } from './request-arbitrary';
import { assemble, describeRequest, type RequestInput } from './request-parts';
import { percentEncode } from './wire';
import { sendRequest } from './send-request';

/** One call to the read operation: the path parameters and headers that pick whose state. */
export interface ReadCall {
  path?: Record<string, string>;
  headers?: Record<string, string>;
}

/** A request of a sequence that reached its operation's route, and what the app answered. */
export interface ModelStep {
  operationId: string;
  input: RequestInput;
  status: number;
  body: unknown;
}

/**
 * The expected behaviour of an app's state, written independently of its code: a list per user,
 * a set per book. The checker runs generated sequences of requests against the app, feeds every
 * answer to `apply`, then reads the app and compares with `expected`.
 */
export interface SpecModel<State> {
  /** The `operationId` whose answer shows the state: `getTodos`. */
  read: string;
  /** The reads that show all the state sequences can reach: one per user of the pool. */
  scopes: ReadCall[];
  /** The operations sequences call; all of the spec's unless given. */
  operations?: string[];
  /** Values to draw parameters and body fields of these names from, so writes collide. */
  values?: Record<string, readonly unknown[]>;
  /** Headers the spec does not declare, with the values to draw them from. */
  headers?: Record<string, readonly string[]>;
  /** The state the reads of `scopes` show when a sequence starts (the app is shared by all). */
  init(bodies: unknown[]): State;
  /** The state after `step`; throws (an `expect`) when the answer contradicts the model. */
  apply(state: State, step: ModelStep): State;
  /** What each read of `scopes` must show in `state`, in order. */
  expected(state: State): unknown[];
}

export interface ModelRun {
  server: Server;
  operations: Operation[];
  headers: Record<string, string>;
  credentials: string[];
  timeoutMs: number;
}

/** The bodies of the model's reads, one per scope; any answer but a 200 stops the run. */
async function readScopes(
  { read: readId, scopes }: Pick<SpecModel<unknown>, 'read' | 'scopes'>,
  run: ModelRun,
): Promise<unknown[]> {
  const read = run.operations.find((op) => op.operationId === readId);
  if (!read) throw new Error(`the model's read \`${readId}\` is not in the spec`);
  const bodies: unknown[] = [];
  for (const scope of scopes) {
    const path = Object.fromEntries(
      Object.entries(scope.path ?? {}).map(([name, value]) => [name, percentEncode(value)]),
    );
    const call = assemble(read, { path, query: [], headers: scope.headers ?? {} }, 'read');
    const answer = await sendRequest(run.server, call, run.headers, run.timeoutMs);
    if (answer.status !== 200) throw new Error(`${describeRequest(call)}: ${answer.text}`);
    bodies.push(answer.body);
  }
  return bodies;
}

/**
 * A fast-check property: after any sequence of requests (valid and not) the app's reads show
 * what `model` says its successful writes produced: nothing lost, nothing doubled, and nothing
 * changed by a refused request. Each answer must also keep the spec property.
 * @example await fc.assert(modelProperty(model, run), { numRuns: 50 });
 */
export function modelProperty<State>(model: SpecModel<State>, run: ModelRun) {
  const chosen = model.operations ?? run.operations.map((op) => op.operationId);
  const options = { values: model.values, headers: model.headers, credentials: run.credentials };
  const steps = run.operations
    .filter((op) => chosen.includes(op.operationId))
    .map((op) => requestArbitrary(op, options));
  return fc.asyncProperty(
    fc.array(fc.oneof(...steps), { minLength: 1, maxLength: 15 }),
    async (sequence) => {
      let state = model.init(await readScopes(model, run));
      for (const request of sequence) {
        const op = run.operations.find((o) => o.operationId === request.operationId)!;
        const answer = await sendRequest(run.server, request, run.headers, run.timeoutMs);
        const said = `${describeRequest(request)} answered ${answer.status} ${answer.text.slice(0, 160)}`;
        const problem = answerProblem(op, answer);
        if (problem) throw new Error(`${describeRequest(request)} ${problem}`);
        const step = {
          operationId: op.operationId,
          input: request.input,
          status: answer.status,
          body: answer.body,
        };
        // A request that reached no route of this operation is not the model's; it must change
        // nothing, which the reads at the end check.
        if (!request.input.routed) continue;
        try {
          state = model.apply(state, step);
        } catch (err) {
          throw new Error(`${said}: the answer contradicts the model: ${(err as Error).message}`, {
            cause: err,
          });
        }
      }
      expect(await readScopes(model, run), 'the reads after the sequence').toEqual(
        model.expected(state),
      );
    },
  );
}

import Router, { type RouterMiddleware } from '@koa/router';
import type { LoadedSpec } from './load-spec';
import { listOperations, toRouterPath } from './operations';
import { validateRequest } from './validate-request';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OperationHandler = RouterMiddleware<any, any>;

/**
 * Builds the API router from the spec: every operation is routed to the handler of the same
 * `operationId`, behind request validation. Throws when an operation has no handler or a
 * handler has no operation, so the spec and the code cannot drift apart.
 * @example const api = routeOperations(spec, { getTodos, addTodo, deleteTodo });
 */
export function routeOperations(
  spec: LoadedSpec,
  handlers: Record<string, OperationHandler>,
): Router {
  const router = new Router();
  const operations = listOperations(spec.document);
  const known = new Set(operations.map((op) => op.operationId));
  const orphan = Object.keys(handlers).find((id) => !known.has(id));
  if (orphan) throw new Error(`handler \`${orphan}\` has no operation in ${spec.file}`);
  for (const operation of operations) {
    const handler = handlers[operation.operationId];
    if (!handler)
      throw new Error(`operation \`${operation.operationId}\` in ${spec.file} has no handler`);
    router.register(
      toRouterPath(operation.path),
      [operation.method],
      [validateRequest(operation, { lazy: spec.checkedAtBuild }), handler],
      {
        name: operation.operationId,
      },
    );
  }
  return router;
}

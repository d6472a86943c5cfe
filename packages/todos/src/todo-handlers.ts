import type { RouterContext } from '@koa/router';
import { validInput } from '@repo/openapi';
import type { TodoStore } from './todo-store';

export interface TodoHandlerOptions {
  store: TodoStore;
  /** Whose list a request touches: the path's `username`, or the user an access token names. */
  userOf(ctx: RouterContext): string;
}

/**
 * The handlers of the todo operations (`getTodos`, `addTodo`, `deleteTodo`), for
 * `routeOperations`. Input has been checked against the spec before they run.
 */
export function todoHandlers({ store, userOf }: TodoHandlerOptions) {
  return {
    async getTodos(ctx: RouterContext) {
      ctx.body = { todos: await store.list(userOf(ctx)) };
    },

    async addTodo(ctx: RouterContext) {
      const { todo } = validInput(ctx).body as { todo: string };
      ctx.assert(todo.trim() !== '', 400, '`todo` must not be blank', { field: 'todo' });
      const index = await store.add(userOf(ctx), todo);
      ctx.status = 201;
      ctx.body = { todo, index };
    },

    async deleteTodo(ctx: RouterContext) {
      // Optional in the spec, so a JSON body can carry it instead: `deleteBodyAsQuery` (from
      // @repo/openapi, in app.ts) has put a body's `todo_idx` here, checked like the query's.
      const index = validInput(ctx).query.todo_idx as number | undefined;
      ctx.assert(
        index !== undefined,
        400,
        '`todo_idx` is required (in the query, or in a JSON body)',
        { field: 'todo_idx' },
      );
      const removed = await store.remove(userOf(ctx), index);
      ctx.assert(
        removed !== undefined,
        404,
        `there is no todo at \`todo_idx\` ${index} in this list`,
        {
          field: 'todo_idx',
          code: 'not_found',
        },
      );
      ctx.body = { todo: removed, index };
    },
  };
}

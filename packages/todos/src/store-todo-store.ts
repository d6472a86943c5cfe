import type { Store } from '@repo/store';
import type { TodoStore } from './todo-store';

/**
 * How many todos a list holds unless `maxTodos` says otherwise. A full list of the longest todos
 * (500 code points, each two UTF-16 units or a two-character JSON escape) answers about 50,000
 * characters, well under the 100,000 hosts accept in one response.
 */
export const MAX_TODOS = 50;

/**
 * The todo lists of `app`, kept in `store`: one list per user under `<app>:todos:<user>`, so apps
 * sharing one Redis never meet. Every call is one atomic store operation: concurrent adds get
 * distinct indexes, none is lost, and none takes a list past `maxTodos`. Throws a `TypeError`
 * when `maxTodos` is not a whole number of 1 or more. `user` must be bounded (the spec's
 * `maxLength`).
 * @example const todos = todoStore(await openStore(readStoreConfig(process.env)), 'todo-noauth');
 */
export function todoStore(store: Store, app: string, { maxTodos = MAX_TODOS } = {}): TodoStore {
  if (!Number.isSafeInteger(maxTodos) || maxTodos < 1) {
    throw new TypeError('`maxTodos` must be a whole number, 1 or more');
  }
  const key = (user: string) => `${app}:todos:${user}`;
  return {
    list: (user) => store.listItems(key(user)),
    add: (user, todo) => store.listAppend(key(user), todo, { maxItems: maxTodos }),
    remove: (user, index) => store.listRemoveAt(key(user), index),
  };
}

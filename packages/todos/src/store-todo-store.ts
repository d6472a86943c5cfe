import type { Store } from '@repo/store';
import type { TodoStore } from './todo-store';

/**
 * The todo lists of `app`, kept in `store`: one list per user under `<app>:todos:<user>`, so apps
 * sharing one Redis never meet. Every call is one atomic store operation: concurrent adds get
 * distinct indexes and none is lost. `user` must be bounded (the spec's `maxLength`).
 * @example const todos = todoStore(await openStore(readStoreConfig(process.env)), 'todo-noauth');
 */
export function todoStore(store: Store, app: string): TodoStore {
  const key = (user: string) => `${app}:todos:${user}`;
  return {
    list: (user) => store.listItems(key(user)),
    add: (user, todo) => store.listAppend(key(user), todo),
    remove: (user, index) => store.listRemoveAt(key(user), index),
  };
}

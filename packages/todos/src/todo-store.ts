/**
 * Where todo lists live. Async, so a durable store (a file, a database) can take the in-memory
 * one's place without touching the routes. Lists are per user and ordered; indexes are 0-based.
 */
export interface TodoStore {
  /** The user's todos, oldest first; an empty list for a user never seen. */
  list(user: string): Promise<string[]>;
  /** Appends a todo and resolves to its index, or to `'full'` when the list holds its most. */
  add(user: string, todo: string): Promise<number | 'full'>;
  /** Removes the todo at `index` and resolves to it, or to `undefined` when there is none. */
  remove(user: string, index: number): Promise<string | undefined>;
}

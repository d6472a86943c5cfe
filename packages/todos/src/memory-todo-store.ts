import type { TodoStore } from './todo-store';

/** A `TodoStore` in process memory: fast, and gone when the process exits. */
export class MemoryTodoStore implements TodoStore {
  // A Map, not an object: a user called `__proto__` is just a user.
  readonly #lists = new Map<string, string[]>();

  async list(user: string): Promise<string[]> {
    return [...(this.#lists.get(user) ?? [])];
  }

  async add(user: string, todo: string): Promise<number> {
    let list = this.#lists.get(user);
    if (!list) this.#lists.set(user, (list = []));
    return list.push(todo) - 1;
  }

  async remove(user: string, index: number): Promise<string | undefined> {
    const list = this.#lists.get(user);
    if (!list || !Number.isInteger(index) || index < 0 || index >= list.length) return undefined;
    const [removed] = list.splice(index, 1);
    if (list.length === 0) this.#lists.delete(user);
    return removed;
  }
}

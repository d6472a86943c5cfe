// The expected behaviour of the todo operations, for each todo app's property test
// (`describeSpecProperties`), written from the spec and not from the code: a 201 appends the
// todo that was sent; a 200 removes the todo at the index that was sent (query first, then the
// JSON body the spec also accepts); a 404 means there was nothing at that index. Anything else
// (a 4xx for a bad request or a missing token) must change nothing.
import type { ModelStep, SpecModel } from '@repo/contract-testing';
import { expect } from 'vitest';

const isIndex = (raw: unknown) =>
  (typeof raw === 'string' && /^(0|[1-9]\d*)$/.test(raw)) || Number.isInteger(raw);

/** Todos that collide: the same text in two cases, blank ones the app must refuse. */
const TODOS = ['Buy milk', 'buy milk', ' tea ', '   '];

function applyStep(list: string[], { operationId, input, status, body }: ModelStep): void {
  const answer = body as { todo: string; index: number };
  if (operationId === 'addTodo' && status === 201) {
    list.push((input.body as { todo: string }).todo);
    expect(answer).toEqual({ todo: list.at(-1), index: list.length - 1 });
  }
  if (operationId === 'deleteTodo') {
    const raw =
      input.query.todo_idx ?? (input.body as { todo_idx?: unknown } | undefined)?.todo_idx;
    const index = Number(raw);
    if (status === 200) {
      expect(answer).toEqual({ todo: list[index], index });
      list.splice(index, 1);
    }
    if (status === 404 && isIndex(raw)) expect(index).toBeGreaterThanOrEqual(list.length);
  }
}

/** One list per user, named by the path's `username` (todo-noauth, todo-service). */
export function perUserTodoModel(users: string[]): SpecModel<Map<string, string[]>> {
  return {
    read: 'getTodos',
    scopes: users.map((username) => ({ path: { username } })),
    values: { username: users, todo: TODOS, todo_idx: [0, 1, 2] },
    init: (bodies) =>
      new Map(users.map((user, i) => [user, (bodies[i] as { todos: string[] }).todos])),
    apply(lists, step) {
      // Requests for users outside the pool are not read back; their answers were checked already.
      const list = lists.get(step.input.path.username ?? '');
      if (list) applyStep(list, step);
      return lists;
    },
    expected: (lists) => users.map((user) => ({ todos: lists.get(user) })),
  };
}

/** The one list of the user the access token names (todo-oauth). */
export function signedInTodoModel(): SpecModel<string[]> {
  return {
    read: 'getTodos',
    scopes: [{}],
    values: { todo: TODOS, todo_idx: [0, 1, 2] },
    init: (bodies) => (bodies[0] as { todos: string[] }).todos,
    apply(list, step) {
      applyStep(list, step);
      return list;
    },
    expected: (list) => [{ todos: list }],
  };
}

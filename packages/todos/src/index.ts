export type { TodoStore } from './todo-store';
export { MAX_TODOS, todoStore } from './store-todo-store';
export { todoHandlers, type TodoHandlerOptions } from './todo-handlers';

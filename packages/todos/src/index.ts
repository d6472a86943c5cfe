export type { TodoStore } from './todo-store';
export { todoStore } from './store-todo-store';
export { todoHandlers, type TodoHandlerOptions } from './todo-handlers';

export type { TodoStore } from './todo-store';
export { MemoryTodoStore } from './memory-todo-store';
export { todoHandlers, type TodoHandlerOptions } from './todo-handlers';

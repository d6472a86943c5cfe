import { describeMcpContract, describePluginContract } from '@repo/contract-testing';
import { createApp } from './app';

describePluginContract('todo-noauth', {
  createApp: () => createApp(),
  // Add first, so that deleting index 0 finds the todo the example added.
  order: ['addTodo', 'getTodos', 'deleteTodo'],
});

describeMcpContract('todo-noauth', { createApp: () => createApp() });

import { describeMcpContract, describePluginContract } from '@repo/contract-testing';
import { createApp } from './app';

const serviceToken = 'contract-test-service-token';

describePluginContract('todo-service', {
  createApp: () => createApp({ serviceToken, verificationToken: 'contract-test-verification' }),
  apiHeaders: async () => ({ Authorization: `Bearer ${serviceToken}` }),
  // Add first, so that deleting index 0 finds the todo the example added.
  order: ['addTodo', 'getTodos', 'deleteTodo'],
});

describeMcpContract('todo-service', {
  createApp: () => createApp({ serviceToken, verificationToken: 'contract-test-verification' }),
  apiHeaders: async () => ({ Authorization: `Bearer ${serviceToken}` }),
});

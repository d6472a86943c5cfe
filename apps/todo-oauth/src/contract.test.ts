import { AUTHORIZE_PATH, TOKEN_PATH } from '@repo/auth';
import { describeMcpContract, describePluginContract } from '@repo/contract-testing';
import { FakeHost, testApp } from '../test/fake-host';

describePluginContract('todo-oauth', {
  createApp: () => testApp(),
  // The API is called as the host calls it: with a token from the whole OAuth flow.
  apiHeaders: async (app) => ({
    Authorization: `Bearer ${(await new FakeHost(app).signIn()).access_token}`,
  }),
  ownRoutes: [AUTHORIZE_PATH, TOKEN_PATH],
  order: ['addTodo', 'getTodos', 'deleteTodo'],
});

describeMcpContract('todo-oauth', {
  createApp: () => testApp(),
  apiHeaders: async (app) => ({
    Authorization: `Bearer ${(await new FakeHost(app).signIn()).access_token}`,
  }),
});

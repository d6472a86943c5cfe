import { AS_METADATA_PATH, AUTHORIZE_PATH, PRM_PATH, REGISTER_PATH, TOKEN_PATH } from '@repo/auth';
import { describeMcpContract, describePluginContract } from '@repo/contract-testing';
import { FakeHost, mcpApp, mcpToken, testApp } from '../test/fake-host';

describePluginContract('todo-oauth', {
  createApp: () => testApp(),
  // The API is called as the host calls it: with a token from the whole OAuth flow.
  apiHeaders: async (app) => ({
    Authorization: `Bearer ${(await new FakeHost(app).signIn()).access_token}`,
  }),
  ownRoutes: [
    AUTHORIZE_PATH,
    TOKEN_PATH,
    REGISTER_PATH,
    AS_METADATA_PATH,
    PRM_PATH,
    `${PRM_PATH}/mcp`,
  ],
  order: ['addTodo', 'getTodos', 'deleteTodo'],
});

describeMcpContract('todo-oauth', {
  // `/mcp` takes only tokens bound to it: the app's origin is fixed, so one can be had first.
  createApp: mcpApp,
  apiHeaders: async (app) => ({ Authorization: `Bearer ${await mcpToken(app)}` }),
});

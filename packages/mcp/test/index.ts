export { expectBearerRefusals, type BearerRefusals } from './bearer-refusals';
export {
  CLIENTS,
  EXPECTED_REVISION,
  connect,
  listen,
  postToolsList,
  type ClientKind,
  type TestClient,
} from './clients';
export {
  expectSameAnswer,
  expectScriptAgrees,
  restAnswer,
  type RestAnswer,
  type Step,
} from './compare';
export {
  describeMcpApp,
  type AppSide,
  type McpAppContext,
  type McpAppOptions,
} from './describe-mcp-app';
export { inlineSpec } from './spec';

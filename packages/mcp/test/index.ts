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
export { inlineSpec } from './spec';

export {
  CLIENTS,
  EXPECTED_REVISION,
  connect,
  listen,
  type ClientKind,
  type TestClient,
} from './clients';
export { inlineSpec } from './spec';

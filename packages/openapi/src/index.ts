export { loadSpec, type LoadedSpec, type OpenApiDocument } from './load-spec';
export { dereferenceSpec } from './dereference';
export { specProblems, specFingerprint } from './spec-problems';
export { listOperations, toRouterPath, HTTP_METHODS, type Operation } from './operations';
export { createAjv, describeError, type AjvOptions } from './schema-validator';
export {
  compileRequestChecks,
  validateRequest,
  validInput,
  type ValidateRequestOptions,
  type ValidInput,
} from './validate-request';
export { routeOperations, type OperationHandler } from './route-operations';
export {
  serveSpec,
  WELL_KNOWN_SPEC_PATH,
  JSON_SPEC_PATH,
  type ServeSpecOptions,
} from './serve-spec';
export { ERNIE_SPEC_RULES, checkErnieSpec, type SpecInput } from './ernie-rules';
export { ERNIE_EXAMPLE_RULES, checkErnieExamples, type ExamplesInput } from './ernie-example-rules';
export { checkRules, type Rule, type RuleFinding, type RuleSeverity } from '@repo/rules';
export {
  OPENAI_SPEC_RULES,
  RESPONSE_RULES,
  type SpecLintInput,
  type ResponseInput,
} from './openai-rules';
export { deleteBodyAsQuery } from './delete-body-as-query';

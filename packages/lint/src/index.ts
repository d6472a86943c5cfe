export { checkRules, type Rule, type RuleFinding, type RuleSeverity } from './rules';
export { charCount, jsonPath, type PathStep } from './json-path';
export { specOperations, type SpecOperation } from './spec-operations';
export { OPENAI_MANIFEST_RULES, type ManifestLintInput } from './openai-manifest-rules';
export { LOGO_RULES, imageInfo, type LogoInput, type ImageInfo } from './logo-rules';
export { OPENAI_SPEC_RULES, type SpecLintInput } from './openai-spec-rules';
export { RESPONSE_RULES, type ResponseInput } from './response-rules';
export { ACTIONS_SPEC_RULES } from './actions-rules';
export {
  ERNIE_MANIFEST_RULES,
  checkErnieManifest,
  type ManifestInput,
} from './ernie-manifest-rules';
export { ERNIE_SPEC_RULES, checkErnieSpec, type SpecInput } from './ernie-spec-rules';
export { ERNIE_EXAMPLE_RULES, checkErnieExamples, type ExamplesInput } from './ernie-example-rules';

export {
  manifestSchema,
  manifestAuthSchema,
  httpAuthorizationType,
  describeIssues,
  type Manifest,
  type ManifestAuth,
} from './manifest-schema';
export { loadManifest, type PluginManifest, type LoadManifestOptions } from './load-manifest';
export {
  serveManifest,
  MANIFEST_PATH,
  WELL_KNOWN_EXAMPLES_PATH,
  type ServeManifestOptions,
} from './serve-manifest';
export { pngSize } from './png';
export {
  ERNIE_MANIFEST_RULES,
  checkErnieManifest,
  charCount,
  type ManifestInput,
} from './ernie-rules';
export { checkRules, type Rule, type RuleFinding, type RuleSeverity } from '@repo/rules';
export { OPENAI_MANIFEST_RULES, type ManifestLintInput } from './openai-rules';
export { LOGO_RULES, imageInfo, type LogoInput, type ImageInfo } from './logo-rules';

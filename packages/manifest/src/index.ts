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

export { jsonErrors, type ErrorBody } from './json-errors';
export { notFound } from './not-found';
export { pluginCors, originPredicate, HOST_ORIGINS, type PluginCorsOptions } from './cors';
export { jsonBody, type JsonBodyOptions } from './json-body';
export {
  PLACEHOLDER,
  parseBaseUrl,
  publicOrigin,
  fillPlaceholders,
  perOrigin,
} from './public-origin';
export { closeGracefully, serve, type ServeOptions } from './serve';
export { readBaseConfig, readFlag, readPort, type BaseConfig } from './env';

export { errorAnswer, jsonErrors, type ErrorAnswer, type ErrorBody } from './json-errors';
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
export {
  createLogger,
  requestLog,
  requestIdOf,
  silentLogger,
  type Logger,
  type LoggerOptions,
  type RequestLogOptions,
} from './request-log';
export { health, HEALTH_PATHS, type HealthOptions, type ProbedStore } from './health';
export { envExampleNames, settingsRead } from './env-example';
export { closeGracefully, serve, type ServeOptions } from './serve';
export {
  readBaseConfig,
  readFlag,
  readInteger,
  readPort,
  isLoopback,
  refuseDemoDefaults,
  LOG_LEVELS,
  type BaseConfig,
  type Env,
  type LogLevel,
} from './env';

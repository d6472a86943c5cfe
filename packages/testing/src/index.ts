export {
  startServer,
  killServers,
  type ServerProcess,
  type StartServerOptions,
} from './start-server';

export { describePluginContract } from './describe-plugin-contract';
export type { ContractOptions } from './contract-options';
export { appRoutes, type Route } from './app-routes';
export { exampleFor, exampleRequest, fillPath, type ExampleRequest } from './examples';

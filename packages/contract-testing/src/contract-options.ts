import type Koa from 'koa';
import type { ExampleRequest } from './examples';

export interface ContractOptions {
  /** Builds the app under test; called once for the suite. */
  createApp(): Promise<Koa>;
  /** The Host header the suite sends; every URL the plugin publishes must be on it. */
  host?: string;
  /** Headers for the API calls, such as a bearer token; may be fetched lazily. */
  apiHeaders?(app: Koa): Promise<Record<string, string>>;
  /** Operations to call first, in this order (add before delete); the rest follow in spec order. */
  order?: string[];
  /** Per operation, request parts that replace the spec's examples. */
  requests?: Record<string, Partial<ExampleRequest>>;
  /** Origins besides the hosts' that CORS must allow. */
  corsOrigins?: string[];
  /** Router paths that are the plugin's own and not API operations (OAuth endpoints). */
  ownRoutes?: string[];
}

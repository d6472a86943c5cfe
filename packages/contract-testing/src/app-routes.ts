import type Koa from 'koa';
import type Router from '@koa/router';

export interface Route {
  method: string;
  path: string;
}

/**
 * Every route of every @koa/router mounted on `app` (HEAD left out: the router adds it to GET).
 * @koa/router marks its dispatch middleware with `.router`, which is what this reads.
 */
export function appRoutes(app: Koa): Route[] {
  const routes: Route[] = [];
  for (const middleware of app.middleware) {
    const router = (middleware as { router?: Router }).router;
    for (const layer of router?.stack ?? []) {
      for (const method of layer.methods) {
        if (method !== 'HEAD') routes.push({ method, path: String(layer.path) });
      }
    }
  }
  return routes;
}

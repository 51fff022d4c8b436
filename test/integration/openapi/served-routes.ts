import type { Express } from 'express';

/** One route an app answers: `GET /admin/plugins/{pluginId}` in OpenAPI's spelling. */
export interface ServedRoute {
  readonly method: string;
  readonly path: string;
}

interface Layer {
  readonly route?: { readonly path: string | readonly string[]; readonly methods: Record<string, boolean> };
  readonly handle?: { readonly stack?: readonly Layer[] };
  readonly rawPath?: unknown;
}

/**
 * Every route of an Express 5 app, read from its router stack (`app.router.stack`) and the stacks
 * of the routers mounted in it, at any depth, with their mount paths. Only explicit methods count:
 * the HEAD Express answers for each GET is not a route of ours.
 */
export function servedRoutes(app: Express): ServedRoute[] {
  const routes: ServedRoute[] = [];
  walk((app as unknown as { router: { stack: readonly Layer[] } }).router.stack, '', routes);
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

function walk(stack: readonly Layer[], prefix: string, into: ServedRoute[]): void {
  for (const layer of stack) {
    if (layer.route) {
      for (const path of [layer.route.path].flat()) {
        for (const method of Object.keys(layer.route.methods)) into.push({ method: method === '_all' ? 'ALL' : method.toUpperCase(), path: openApiPath(prefix + path) });
      }
    } else if (layer.handle?.stack) {
      walk(layer.handle.stack, prefix + mountPath(layer), into);
    }
  }
}

function mountPath(layer: Layer): string {
  if (typeof layer.rawPath !== 'string') throw new Error(`a router is mounted at ${String(layer.rawPath)}: only string mount paths can be listed`);
  return layer.rawPath === '/' ? '' : layer.rawPath.replace(/\/+$/, '');
}

/** `/a/:id/*rest` → `/a/{id}/{rest}`: Express 5 parameters in OpenAPI's braces. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/[:*]([A-Za-z_$][\w$]*)/g, '{$1}') || '/';
}

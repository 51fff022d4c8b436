import Module = require('node:module');
import * as path from 'node:path';
import { PLUGIN_API_MODULE } from '../plugin-api/version';

type ResolveFilename = (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;
const moduleInternals = Module as unknown as { _resolveFilename: ResolveFilename };

let installed = false;

/**
 * Makes `require('@wap-billing/plugin-api')` resolve to this process's plugin API from anywhere,
 * as VS Code does for `vscode`: a plugin dropped into any folder, or installed as an npm package,
 * shares the core's one copy of the API (its symbols and enums), and never bundles its own.
 * It gets them as plain properties (see published.ts).
 */
export function installPluginApiResolver(): void {
  if (installed) return;
  installed = true;
  const apiEntry = path.join(__dirname, '..', 'plugin-api', 'published.js');
  const original = moduleInternals._resolveFilename;
  moduleInternals._resolveFilename = function (request, parent, isMain, options) {
    if (request === PLUGIN_API_MODULE) return apiEntry;
    return original.call(this, request, parent, isMain, options);
  };
}

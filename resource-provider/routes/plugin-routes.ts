import { Type } from '@sinclair/typebox';
import type { Router } from 'express';
import { inject, injectable } from 'inversify';
import { PluginRegistry, type PluginChangeError } from '../../core/plugin-host/plugin-registry';
import type { InstalledPlugin } from '../../core/plugin-host/installed-plugin';
import type { Result } from '../../core/shared/result';
import type { RouteContribution } from '../http/route-contribution';
import { jsonResponse, operation, pathParam } from '../openapi/operation-kit';
import type { OpenApiPaths } from '../openapi/openapi-types';
import { InstalledPlugin as PluginView, PluginList, RescanSummary } from '../openapi/schemas/operations-schemas';
import { HttpError } from '../http/wap-error';

/** Admin routes over the plugin registry: list, rescan, enable, disable, configure. */
@injectable()
export class PluginRoutes implements RouteContribution {
  constructor(@inject(PluginRegistry) private readonly plugins: PluginRegistry) {}

  configure(router: Router): void {
    router.get('/admin/plugins', (_req, res) => {
      res.json({ items: this.plugins.list().map(publicView) });
    });
    router.post('/admin/plugins/rescan', async (_req, res) => {
      const summary = await this.plugins.rescan();
      res.json({ ...summary, items: this.plugins.list().map(publicView) });
    });
    router.post('/admin/plugins/:pluginId/enable', async (req, res) => {
      res.json(publicView(unwrap(await this.plugins.enable(req.params.pluginId))));
    });
    router.post('/admin/plugins/:pluginId/disable', async (req, res) => {
      res.json(publicView(unwrap(await this.plugins.disable(req.params.pluginId))));
    });
    router.put('/admin/plugins/:pluginId/settings', async (req, res) => {
      const settings: unknown = req.body;
      if (!settings || typeof settings !== 'object' || Array.isArray(settings)) {
        throw new HttpError(400, 'BadRequest', 'The body must be a JSON object of settings');
      }
      res.json(publicView(unwrap(await this.plugins.configure(req.params.pluginId, settings as Record<string, unknown>))));
    });
  }

  describe(): OpenApiPaths {
    const pluginId = pathParam('pluginId', 'the id in the plugin\'s plugin.json');
    const changed = (summary: string) =>
      operation({ summary, tags: ['admin'], parameters: [pluginId], responses: { 200: jsonResponse('The plugin as it now is', PluginView) }, errors: [404] });
    return {
      '/admin/plugins': { get: operation({ summary: 'Every installed plugin and its state', tags: ['admin'], responses: { 200: jsonResponse('The plugins', PluginList) } }) },
      '/admin/plugins/rescan': {
        post: operation({ summary: 'Pick up plugins dropped in or removed since the last scan', tags: ['admin'], responses: { 200: jsonResponse('Counts and the plugins', RescanSummary) } }),
      },
      '/admin/plugins/{pluginId}/enable': { post: changed('Enable a plugin (kept across restarts)') },
      '/admin/plugins/{pluginId}/disable': { post: changed('Disable a plugin (kept across restarts)') },
      '/admin/plugins/{pluginId}/settings': {
        put: operation({
          summary: 'Replace a plugin\'s settings, validated against its settings schema, and re-activate it',
          tags: ['admin'],
          parameters: [pluginId],
          body: { schema: Type.Object({}, { additionalProperties: true }), description: 'the settings, a JSON object' },
          responses: { 200: jsonResponse('The plugin as it now is', PluginView) },
          errors: [400, 404],
        }),
      },
    };
  }
}

function unwrap(result: Result<InstalledPlugin, PluginChangeError>): InstalledPlugin {
  if (result.ok) return result.value;
  if (result.error === 'plugin_not_found') throw new HttpError(404, 'PluginNotFound', 'No plugin with that id is installed');
  throw new HttpError(400, 'InvalidPluginSettings', result.message ?? 'The settings are not valid');
}

/** The location is a server path: admins see it, tenants never reach these routes. */
function publicView(plugin: InstalledPlugin) {
  const { id, kind, version, displayName, description, origin, location, state, error } = plugin;
  return { id, kind, version, displayName, description, origin, location, state, error: error ?? null };
}

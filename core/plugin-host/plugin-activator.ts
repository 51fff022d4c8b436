import * as path from 'node:path';
import { Container, inject, injectable } from 'inversify';
import { Clock } from '../time/clock';
import { Logger } from '../logging/logger';
import { PluginKind, type MeterPlugin, type PaymentConnector, type PluginContext, type PluginEntry, type PluginManifest } from '../plugin-api';
import { installPluginApiResolver } from './plugin-api-resolver';

/** The container plugins' child containers descend from; bound by the composition root. */
export const PluginHostContainer = Symbol('PluginHostContainer');
const ActivePluginContext = Symbol('PluginContext');
const ActivatedPlugin = Symbol('ActivatedPlugin');

export type ActivatedObject = { kind: PluginKind.Meter; plugin: MeterPlugin } | { kind: PluginKind.Payment; plugin: PaymentConnector };

export interface Activation {
  readonly activated: ActivatedObject;
  /** The plugin's own child container, dropped when the plugin is disabled. */
  readonly container: Container;
}

/** Why a plugin could not be activated; the message is what admins see. */
export class PluginActivationError extends Error {}

/** Loads a validated plugin's entry module into a child container of its own and activates it. */
@injectable()
export class PluginActivator {
  constructor(
    @inject(PluginHostContainer) private readonly host: Container,
    @inject(Clock) private readonly clock: Clock,
    @inject(Logger) private readonly logger: Logger,
  ) {
    installPluginApiResolver();
  }

  async activate(manifest: PluginManifest, manifestPath: string, settings: Record<string, unknown>): Promise<Activation> {
    const entry = this.loadEntry(manifest, path.dirname(manifestPath));
    const container = new Container({ parent: this.host });
    container.bind<PluginContext>(ActivePluginContext).toConstantValue(this.contextFor(manifest, settings));
    container
      .bind<unknown>(ActivatedPlugin)
      .toDynamicValue((ctx) => entry.activate(ctx.get<PluginContext>(ActivePluginContext)))
      .inSingletonScope();
    let plugin: unknown;
    try {
      plugin = await container.getAsync<unknown>(ActivatedPlugin);
    } catch (error) {
      throw new PluginActivationError(`activate() failed: ${messageOf(error)}`);
    }
    return { activated: checkShape(manifest, plugin), container };
  }

  /** Gives a plugin the core built itself (a declarative meter) the same child container a coded one gets. */
  adopt(manifest: PluginManifest, plugin: MeterPlugin): Activation {
    const container = new Container({ parent: this.host });
    container.bind<unknown>(ActivatedPlugin).toConstantValue(plugin);
    return { activated: checkShape(manifest, plugin), container };
  }

  private loadEntry(manifest: PluginManifest, folder: string): PluginEntry<unknown> {
    const main = path.resolve(folder, manifest.main);
    if (path.relative(folder, main).startsWith('..')) throw new PluginActivationError(`main '${manifest.main}' points outside the plugin folder`);
    forgetModulesUnder(folder);
    let exported: unknown;
    try {
      exported = require(main);
    } catch (error) {
      throw new PluginActivationError(`loading ${manifest.main} failed: ${messageOf(error)}`);
    }
    const activate = (exported as Partial<PluginEntry<unknown>> | undefined)?.activate;
    if (typeof activate !== 'function') throw new PluginActivationError(`${manifest.main} does not export an activate(context) function`);
    return { activate };
  }

  private contextFor(manifest: PluginManifest, settings: Record<string, unknown>): PluginContext {
    const log = this.logger.child({ plugin: manifest.id });
    return {
      manifest,
      settings: Object.freeze({ ...settings }),
      logger: {
        debug: (message, fields) => log.debug(fields ?? {}, message),
        info: (message, fields) => log.info(fields ?? {}, message),
        warn: (message, fields) => log.warn(fields ?? {}, message),
        error: (message, fields) => log.error(fields ?? {}, message),
      },
      now: () => this.clock.now(),
    };
  }
}

/** A rescan after a plugin folder was replaced must load the new code, not the cached module. */
function forgetModulesUnder(folder: string): void {
  const prefix = folder + path.sep;
  for (const key of Object.keys(require.cache)) if (key.startsWith(prefix)) delete require.cache[key];
}

function checkShape(manifest: PluginManifest, plugin: unknown): ActivatedObject {
  const candidate = plugin as Record<string, unknown> | null;
  if (!candidate || typeof candidate !== 'object') throw new PluginActivationError('activate() returned no plugin object');
  if (candidate.id !== manifest.id) throw new PluginActivationError(`activate() returned id '${String(candidate.id)}', the manifest says '${manifest.id}'`);
  const required = manifest.kind === PluginKind.Meter ? ['meters', 'meter'] : ['testConnection', 'pushInvoice', 'charge', 'checkCharge', 'accountStatus'];
  const missing = required.filter((name) => typeof candidate[name] !== 'function');
  if (missing.length > 0) throw new PluginActivationError(`the ${manifest.kind} plugin lacks ${missing.join(', ')}()`);
  return manifest.kind === PluginKind.Meter
    ? { kind: PluginKind.Meter, plugin: plugin as MeterPlugin }
    : { kind: PluginKind.Payment, plugin: plugin as PaymentConnector };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

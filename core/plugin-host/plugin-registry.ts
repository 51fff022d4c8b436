import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { inject, injectable } from 'inversify';
import { Logger } from '../logging/logger';
import { PLUGIN_API_VERSION, PluginKind, type MeterPlugin, type PluginManifest } from '../plugin-api';
import { createDeclarativeMeterPlugin } from '../usage/metering/declarative-meter-plugin';
import type { Result } from '../shared/result';
import { discoverPlugins, PluginDirectories, type PluginCandidate } from './plugin-discovery';
import type { InstalledPlugin } from './installed-plugin';
import { validateManifest, type ManifestCheck } from './plugin-manifest-validator';
import { validatePluginSettings } from './plugin-settings-validator';
import { PluginStateStore, type PluginState } from './plugin-state-store';
import { PluginActivator, messageOf, type Activation } from './plugin-activator';
import { MeterRegistry } from './meter-registry';
import { PaymentConnectorRegistry } from './payment-connector-registry';

interface Entry {
  info: InstalledPlugin;
  source?: PluginSource;
  activation?: Activation;
  /** The admin's choice it was loaded with (`PluginStateStore`), as text: another instance may change it. */
  state?: string;
}

/** A validated plugin and how to activate it: load its module, or adopt the meter the core built from its document. */
interface PluginSource {
  readonly candidate: PluginCandidate;
  readonly manifest: PluginManifest;
  readonly declarative?: MeterPlugin;
  /** A meter document's text as parsed: a document saved again with other meters (same version) is loaded again. */
  readonly document?: string;
}

export interface RescanSummary {
  readonly enabled: number;
  readonly disabled: number;
  readonly failed: number;
}

export type PluginChangeError = 'plugin_not_found' | 'plugin_invalid';

/**
 * The plugins installed on this server: discovered in the plugin folders and npm packages,
 * validated, activated one child container each, and handed to the meter and payment registries.
 * A broken plugin is recorded as failed with its reason; it never stops the server.
 */
@injectable()
export class PluginRegistry {
  private readonly entries = new Map<string, Entry>();
  private scanning: Promise<RescanSummary> | undefined;

  constructor(
    @inject(PluginDirectories) private readonly directories: PluginDirectories,
    @inject(PluginStateStore) private readonly states: PluginStateStore,
    @inject(PluginActivator) private readonly activator: PluginActivator,
    @inject(MeterRegistry) private readonly meters: MeterRegistry,
    @inject(PaymentConnectorRegistry) private readonly connectors: PaymentConnectorRegistry,
    @inject(Logger) private readonly logger: Logger,
  ) {}

  list(): InstalledPlugin[] {
    return [...this.entries.values()].map((e) => e.info).sort((a, b) => a.id.localeCompare(b.id));
  }

  find(pluginId: string): InstalledPlugin | undefined {
    return this.entries.get(pluginId)?.info;
  }

  /** Picks up plugins dropped in or removed since the last scan; concurrent calls share one scan. */
  rescan(): Promise<RescanSummary> {
    this.scanning ??= this.scan().finally(() => (this.scanning = undefined));
    return this.scanning;
  }

  async enable(pluginId: string): Promise<Result<InstalledPlugin, PluginChangeError>> {
    return this.change(pluginId, (state) => ({ ...state, enabled: true }));
  }

  async disable(pluginId: string): Promise<Result<InstalledPlugin, PluginChangeError>> {
    return this.change(pluginId, (state) => ({ ...state, enabled: false }));
  }

  /** Replaces a plugin's settings (validated against its schema) and re-activates it. */
  async configure(pluginId: string, settings: Record<string, unknown>): Promise<Result<InstalledPlugin, PluginChangeError>> {
    const entry = this.entries.get(pluginId);
    if (!entry) return { ok: false, error: 'plugin_not_found' };
    if (entry.source) {
      const check = validatePluginSettings(entry.source.manifest.settingsSchema, settings);
      if (!check.ok) return { ok: false, error: 'plugin_invalid', message: check.reason };
    }
    return this.change(pluginId, (state) => ({ ...state, settings }));
  }

  private async change(
    pluginId: string,
    edit: (state: { pluginId: string; enabled: boolean; settings: Record<string, unknown> }) => { pluginId: string; enabled: boolean; settings: Record<string, unknown> },
  ): Promise<Result<InstalledPlugin, PluginChangeError>> {
    const entry = this.entries.get(pluginId);
    if (!entry) return { ok: false, error: 'plugin_not_found' };
    const current = (await this.states.find(pluginId)) ?? { pluginId, enabled: true, settings: {} };
    const changed = edit(current);
    await this.states.save(changed);
    this.deactivate(entry);
    if (entry.source) await this.load(entry.source, changed);
    return { ok: true, value: this.entries.get(pluginId)!.info };
  }

  private async scan(): Promise<RescanSummary> {
    const candidates = await discoverPlugins(this.directories);
    const seen = new Set<string>();
    for (const candidate of candidates) {
      const id = await this.consider(candidate, seen);
      if (id) seen.add(id);
    }
    for (const [id, entry] of this.entries) {
      if (!seen.has(id)) {
        this.deactivate(entry);
        this.entries.delete(id);
      }
    }
    const summary = { enabled: 0, disabled: 0, failed: 0 };
    for (const { info } of this.entries.values()) summary[info.state] += 1;
    this.logger.info(summary, 'plugins scanned');
    return summary;
  }

  /** Returns the id the candidate is known by, or undefined when it lost to an earlier plugin with its id. */
  private async consider(candidate: PluginCandidate, seen: Set<string>): Promise<string | undefined> {
    const parsed = await readManifest(candidate.manifestPath);
    const check: ManifestCheck & { declarative?: MeterPlugin } = !parsed.ok ? parsed : candidate.format === 'declarative' ? declarativeManifest(parsed.value) : validateManifest(parsed.value);
    const fallbackId = idOf(parsed.ok ? parsed.value : undefined) ?? path.basename(path.dirname(candidate.manifestPath));
    if (!check.ok) {
      if (seen.has(fallbackId)) return undefined;
      this.replace(fallbackId, { info: failedInfo(fallbackId, candidate, check.reason, parsed.ok ? parsed.value : undefined) });
      return fallbackId;
    }
    const { manifest } = check;
    if (seen.has(manifest.id)) {
      const winner = this.entries.get(manifest.id)!.info.location;
      this.logger.warn({ plugin: manifest.id, ignored: candidate.manifestPath, kept: winner }, 'duplicate plugin id');
      return undefined;
    }
    const existing = this.entries.get(manifest.id);
    const document = check.declarative ? JSON.stringify(parsed.ok ? parsed.value : null) : undefined;
    const stored = await this.states.find(manifest.id);
    const unchanged = existing?.source?.manifest.version === manifest.version && existing.info.location === candidate.manifestPath && existing.source.document === document
      && existing.state === stateText(stored);
    if (!unchanged || existing?.info.state === 'failed') await this.load({ candidate, manifest, declarative: check.declarative, document }, stored);
    return manifest.id;
  }

  /** @param stored the admin's choice for the plugin as just read or saved; none for a plugin never changed. */
  private async load(source: PluginSource, stored: PluginState | undefined): Promise<void> {
    const { candidate, manifest } = source;
    const base = describe(manifest, candidate.origin, candidate.manifestPath);
    const state = stored ?? { pluginId: manifest.id, enabled: true, settings: {} };
    const loadedWith = stateText(stored);
    if (!state.enabled) {
      this.replace(manifest.id, { info: { ...base, state: 'disabled' }, source, state: loadedWith });
      return;
    }
    const settings = validatePluginSettings(manifest.settingsSchema, state.settings);
    if (!settings.ok) {
      this.replace(manifest.id, { info: { ...base, state: 'failed', error: settings.reason }, source, state: loadedWith });
      return;
    }
    try {
      const activation = source.declarative
        ? this.activator.adopt(manifest, source.declarative)
        : await this.activator.activate(manifest, candidate.manifestPath, settings.settings);
      this.replace(manifest.id, { info: { ...base, state: 'enabled' }, source, state: loadedWith });
      this.register(activation);
      this.entries.get(manifest.id)!.activation = activation;
    } catch (error) {
      this.logger.warn({ plugin: manifest.id, reason: messageOf(error) }, 'plugin failed');
      this.replace(manifest.id, { info: { ...base, state: 'failed', error: messageOf(error) }, source, state: loadedWith });
    }
  }

  private register({ activated }: Activation): void {
    if (activated.kind === PluginKind.Meter) this.meters.add(activated.plugin);
    else this.connectors.add(activated.plugin);
  }

  private replace(id: string, entry: Entry): void {
    const previous = this.entries.get(id);
    if (previous) this.deactivate(previous);
    this.entries.set(id, entry);
  }

  private deactivate(entry: Entry): void {
    if (!entry.activation) return;
    const { activated } = entry.activation;
    if (activated.kind === PluginKind.Meter) this.meters.remove(activated.plugin.id);
    else this.connectors.remove(activated.plugin.id);
    entry.activation = undefined;
  }
}

type ManifestRead = { ok: true; value: unknown } | { ok: false; reason: string };

async function readManifest(manifestPath: string): Promise<ManifestRead> {
  try {
    return { ok: true, value: JSON.parse(await fs.readFile(manifestPath, 'utf8')) };
  } catch (error) {
    return { ok: false, reason: `plugin.json is not readable JSON: ${messageOf(error)}` };
  }
}

/** A `*.meter.json` document stands for a meter plugin of its own: the core builds the plugin from it. */
function declarativeManifest(document: unknown): ManifestCheck & { declarative?: MeterPlugin } {
  const built = createDeclarativeMeterPlugin(document);
  if (!built.ok) return { ok: false, reason: `invalid meter document: ${built.errors.map((e) => `${e.path} ${e.message}`).join('; ')}` };
  const { id, version, displayName, description } = document as { id: string; version: string; displayName: string; description?: string };
  const manifest: PluginManifest = { id, kind: PluginKind.Meter, version, apiVersion: PLUGIN_API_VERSION, main: '', displayName, description, settingsSchema: {} };
  return { ok: true, manifest, declarative: built.value };
}

/** An admin's stored choice as text, to tell whether it changed since a plugin was loaded; '' for none (enabled, default settings). */
function stateText(state: PluginState | undefined): string {
  return state ? JSON.stringify([state.enabled, state.settings]) : '';
}

function idOf(candidate: unknown): string | undefined {
  const id = (candidate as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}

function describe(manifest: PluginManifest, origin: PluginCandidate['origin'], location: string) {
  return {
    id: manifest.id,
    kind: manifest.kind,
    version: manifest.version,
    displayName: manifest.displayName,
    description: manifest.description,
    origin,
    location,
    settingsSchema: manifest.settingsSchema,
  };
}

function failedInfo(id: string, candidate: PluginCandidate, reason: string, raw: unknown): InstalledPlugin {
  const fields = (raw ?? {}) as Record<string, unknown>;
  return {
    id,
    kind: fields.kind === 'meter' || fields.kind === 'payment' ? fields.kind : 'unknown',
    version: typeof fields.version === 'string' ? fields.version : '',
    displayName: typeof fields.displayName === 'string' ? fields.displayName : id,
    origin: candidate.origin,
    location: candidate.manifestPath,
    state: 'failed',
    error: reason,
  };
}

import { injectable, multiInject, optional } from 'inversify';
import { MeterPlugin, type MeterDefinition } from '../plugin-api';
import { PluginConflictError } from './plugin-conflict-error';

/** Every active meter plugin, and every meter they declare, by id. */
@injectable()
export class MeterRegistry {
  private readonly plugins = new Map<string, MeterPlugin>();
  private readonly meterOwners = new Map<string, { definition: MeterDefinition; pluginId: string }>();

  constructor(@multiInject(MeterPlugin) @optional() builtIn: MeterPlugin[] = []) {
    builtIn.forEach((p) => this.add(p));
  }

  /** Registers a plugin and its meters; a plugin id or meter id already taken is a PluginConflictError. */
  add(plugin: MeterPlugin): void {
    if (this.plugins.has(plugin.id)) throw new PluginConflictError(`a meter plugin with id '${plugin.id}' is already active`);
    const definitions = plugin.meters();
    const taken = definitions.find((d) => this.meterOwners.has(d.id));
    if (taken) {
      throw new PluginConflictError(`meter '${taken.id}' is already provided by plugin '${this.meterOwners.get(taken.id)!.pluginId}'`);
    }
    this.plugins.set(plugin.id, plugin);
    for (const definition of definitions) this.meterOwners.set(definition.id, { definition, pluginId: plugin.id });
  }

  remove(pluginId: string): void {
    if (!this.plugins.delete(pluginId)) return;
    for (const [meterId, owner] of this.meterOwners) if (owner.pluginId === pluginId) this.meterOwners.delete(meterId);
  }

  /** Active plugins in registration order: the order in which a record is offered to them. */
  active(): MeterPlugin[] {
    return [...this.plugins.values()];
  }

  meters(): MeterDefinition[] {
    return [...this.meterOwners.values()].map((o) => o.definition);
  }

  meter(meterId: string): MeterDefinition | undefined {
    return this.meterOwners.get(meterId)?.definition;
  }
}

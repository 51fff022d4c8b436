import type { JsonSchema } from './openapi-types';

/**
 * Moves every titled schema (the contract's `Subscription`, `KeyValue`, `Error`, …) into
 * `components.schemas` under its title and leaves a `$ref` where it was, so that a schema used by
 * ten routes is written once. Typebox's symbol keys are dropped on the way (JSON has none).
 */
export class SchemaHoister {
  private readonly components = new Map<string, { json: string; schema: JsonSchema }>();

  /** Returns `schema` with its titled parts replaced by references. */
  hoist(schema: unknown): JsonSchema {
    return this.walk(JSON.parse(JSON.stringify(schema)) as unknown) as JsonSchema;
  }

  schemas(): Record<string, JsonSchema> {
    return Object.fromEntries([...this.components].sort(([a], [b]) => a.localeCompare(b)).map(([name, c]) => [name, c.schema]));
  }

  private walk(node: unknown): unknown {
    if (Array.isArray(node)) return node.map((n) => this.walk(n));
    if (!node || typeof node !== 'object') return node;
    const walked = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, this.walk(v)]));
    const title = (node as { title?: unknown }).title;
    if (typeof title !== 'string') return walked;
    const name = title.replace(/[^A-Za-z0-9._-]/g, '_');
    const json = JSON.stringify(walked);
    const known = this.components.get(name);
    // Two different schemas under one title would silently document one of them wrongly.
    if (known && known.json !== json) throw new Error(`two different schemas are titled '${title}'; give one of them another title`);
    if (!known) this.components.set(name, { json, schema: walked });
    return { $ref: `#/components/schemas/${name}` };
  }
}

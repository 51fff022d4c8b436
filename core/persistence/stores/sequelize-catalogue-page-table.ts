import type { Transaction } from 'sequelize';
import type { Database } from '../database';
import { keysCompareWithoutCase } from './key-case';
import { columnsOf, updateRow } from './sequelize-catalogue-rows';
import { chunks, insertRows, select, sqlList } from './sequelize-usage-sql';

type Row = Record<string, unknown>;

/** How one catalogue table's rows map to what the feeds merge events into. */
export interface CatalogueTableShape<T> {
  readonly table: string;
  /** The primary key's columns; rows are read for a page by the first. */
  readonly keys: readonly [string, ...string[]];
  /** Every column to read (the last event's are added). */
  readonly columns: readonly string[];
  read(row: Row): T;
  keyOf(value: T): readonly [string, ...string[]];
  /** The columns besides the key, as written. */
  values(value: T): Row;
  /** The feed writes these keys in one case (ids it lower-cases): however the database compares them, they match as they are. */
  readonly keysInOneCase?: boolean;
}

interface Held<T> {
  value: T | undefined;
  stored: boolean;
  changed: boolean;
}

/**
 * One catalogue table as a page of billing events sees it, inside the page's transaction: the
 * rows the events are about are read in one statement (`load`, by the key's first column: a
 * plan's links, a subscription's add-ons), a row saved is kept until `flush` writes the page's
 * new rows in one multi-row INSERT and each changed one in an UPDATE, and `find` answers what
 * the page's earlier events saved. A row not loaded is read when first asked for. Reading at the
 * page's start and writing at its end is safe because the collector's lease makes the feeds the
 * only writers of these tables.
 */
export class CataloguePageTable<T> {
  private readonly held = new Map<string, Held<T>>();
  /** Values of the key's first column whose rows have been read. */
  private readonly loaded = new Set<string>();
  /** Whether the database compares the table's keys without case (`keysCompareWithoutCase`): so do the keys held here. */
  private foldCase: boolean | undefined;

  constructor(
    private readonly database: Database,
    private readonly transaction: Transaction,
    private readonly shape: CatalogueTableShape<T>,
  ) {}

  async load(firstKeys: readonly string[]): Promise<void> {
    this.foldCase ??= !this.shape.keysInOneCase && (await keysCompareWithoutCase(this.database, this.shape.table, this.shape.keys[0]));
    const wanted = [...new Set(firstKeys)].filter((key) => !this.loaded.has(this.keyText([key])));
    const { table, keys, columns, read, keyOf } = this.shape;
    for (const chunk of chunks(wanted)) {
      const rows = await select<Row>(
        this.database.sequelize,
        `SELECT ${columnsOf(this.database, columns)} FROM ${table} WHERE ${keys[0]} IN ${sqlList(this.database.sequelize, chunk)}`,
        this.transaction,
      );
      for (const row of rows) {
        const value = read(row);
        const key = this.keyText(keyOf(value));
        // What the page saved already stands (a key loaded again in another case).
        if (!this.held.has(key)) this.held.set(key, { value, stored: true, changed: false });
      }
      for (const key of chunk) this.loaded.add(this.keyText([key]));
    }
  }

  async find(key: readonly [string, ...string[]]): Promise<T | undefined> {
    await this.load([key[0]]);
    return this.held.get(this.keyText(key))?.value;
  }

  async save(value: T): Promise<void> {
    const key = this.shape.keyOf(value);
    await this.load([key[0]]);
    const held = this.held.get(this.keyText(key));
    if (held) {
      held.value = value;
      held.changed = true;
    } else {
      this.held.set(this.keyText(key), { value, stored: false, changed: true });
    }
  }

  async flush(): Promise<void> {
    const { table, keys, keyOf, values } = this.shape;
    const inserted: Row[] = [];
    for (const held of this.held.values()) {
      if (!held.changed || held.value === undefined) continue;
      const key = Object.fromEntries(keys.map((column, i) => [column, keyOf(held.value!)[i]]));
      if (held.stored) await updateRow(this.database, table, key, values(held.value), this.transaction);
      else inserted.push({ ...key, ...values(held.value) });
      held.stored = true;
      held.changed = false;
    }
    await insertRows(this.database.sequelize, table, inserted, this.transaction);
  }

  private keyText(key: readonly string[]): string {
    const text = key.join('\u0000');
    return this.foldCase ? text.toLowerCase() : text;
  }
}

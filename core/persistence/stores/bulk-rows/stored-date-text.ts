/**
 * A Date as Sequelize writes a DATE on SQLite (`2025-03-01 00:00:00.000 +00:00`, the form its
 * reads and `IN` lists compare against); PostgreSQL reads the same text as a timestamptz. A page
 * repeats a few bucket starts and record times thousands of times, so each is formatted once.
 */
export class StoredDateText {
  private readonly texts = new Map<number, string>();

  of(date: Date): string {
    const time = date.getTime();
    let text = this.texts.get(time);
    if (text === undefined) {
      if (this.texts.size >= 4096) this.texts.clear();
      const iso = date.toISOString();
      this.texts.set(time, (text = `${iso.slice(0, 10)} ${iso.slice(11, 23)} +00:00`));
    }
    return text;
  }
}

/** Appends a row's values to `params` as bound parameters: Dates as stored text, everything else as it is. */
export function pushBindable(params: unknown[], values: readonly unknown[], dates: StoredDateText): void {
  for (const value of values) params.push(value instanceof Date ? dates.of(value) : value);
}

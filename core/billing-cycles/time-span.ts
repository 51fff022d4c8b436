/** A half-open UTC interval `[from, to)`; `to` null while it has not ended (a running suspension). */
export interface TimeSpan {
  readonly from: Date;
  readonly to: Date | null;
}

/** A span `[from, to)` in epoch milliseconds, for interval arithmetic. */
export interface Millis {
  readonly from: number;
  readonly to: number;
}

/** `span` clipped to `[from, to)`; null when nothing of it lies inside. */
export function clip(span: TimeSpan, within: Millis): Millis | null {
  const from = Math.max(span.from.getTime(), within.from);
  const to = Math.min(span.to === null ? within.to : span.to.getTime(), within.to);
  return to > from ? { from, to } : null;
}

/** What remains of `spans` once every span of `cuts` is taken out; sorted, disjoint if `spans` were. */
export function subtract(spans: readonly Millis[], cuts: readonly Millis[]): Millis[] {
  let remaining = [...spans];
  for (const cut of cuts) {
    remaining = remaining.flatMap((s) => {
      if (cut.to <= s.from || cut.from >= s.to) return [s];
      const pieces: Millis[] = [];
      if (cut.from > s.from) pieces.push({ from: s.from, to: cut.from });
      if (cut.to < s.to) pieces.push({ from: cut.to, to: s.to });
      return pieces;
    });
  }
  return remaining.sort((a, b) => a.from - b.from);
}

/** One row of a plan history: `planId` held from `at` until the next row. */
export interface PlanHeldFrom {
  readonly planId: string;
  readonly at: Date;
}

/** A plan held over `[from, to)`. */
export interface PlanInterval {
  readonly planId: string;
  readonly from: Date;
  readonly to: Date;
}

/**
 * The plans held over `life` (the subscription's billable life inside a period), from its plan
 * history, oldest row first. Each plan holds from its row until the next row; a plan named again
 * without a change in between continues its interval. A plan named before the life began holds
 * from the life's start: the history's first row may be a moment after the first state change.
 */
export function planIntervals(history: readonly PlanHeldFrom[], life: { from: Date; to: Date } | undefined): PlanInterval[] {
  if (!life || history.length === 0) return [];
  const changes = history.filter((row, i) => i === 0 || row.planId !== history[i - 1].planId);
  const intervals: PlanInterval[] = [];
  changes.forEach((row, i) => {
    const from = i === 0 ? life.from.getTime() : Math.max(row.at.getTime(), life.from.getTime());
    const to = Math.min(changes[i + 1]?.at.getTime() ?? Infinity, life.to.getTime());
    if (to > from) intervals.push({ planId: row.planId, from: new Date(from), to: new Date(to) });
  });
  return intervals;
}

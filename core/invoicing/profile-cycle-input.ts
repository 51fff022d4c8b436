import type { BillingCycle } from '../billing-cycles/billing-cycle';
import { validateBillingCycle } from '../billing-cycles/validate-billing-cycle';
import type { BillingProfile, CycleKind } from './billing-profile';

/** How an admin names an account's cycle; absent fields keep the current cycle. */
export interface CycleInput {
  /** The monthly kinds by name alone: `calendar-monthly`, or `anniversary` on `billCycleDay`. */
  readonly cycleKind?: string;
  readonly billCycleDay?: number;
  /**
   * Any kind with its settings: `{ "kind": "weekly", "weekday": 1 }`, `{ "kind": "every-n-days",
   * "days": 10, "anchor": "2025-01-06" }`, `{ "kind": "quarterly", "startMonth": 2 }`,
   * `{ "kind": "yearly", "month": 4, "day": 1 }`; takes precedence over `cycleKind`.
   */
  readonly cycle?: unknown;
}

const KINDS: readonly CycleKind[] = ['calendar-monthly', 'anniversary', 'weekly', 'every-n-days', 'quarterly', 'yearly'];

export type CycleChoice = { readonly ok: true; readonly cycle: BillingCycle } | { readonly ok: false; readonly field: string; readonly message: string };

/** The cycle `input` asks for, checked in `zone`, with only the settings its kind has. */
export function cycleFromInput(input: CycleInput, current: BillingProfile, zone: string): CycleChoice {
  const day = input.billCycleDay ?? current.billCycleDay;
  let cycle: BillingCycle;
  if (input.cycle !== undefined) {
    const asked = input.cycle as Record<string, unknown> | null;
    if (typeof asked !== 'object' || asked === null || !KINDS.includes(asked.kind as CycleKind)) {
      return { ok: false, field: 'cycle.kind', message: `must be one of ${KINDS.join(', ')}` };
    }
    cycle = settingsOf({ billCycleDay: asked.kind === 'anniversary' ? day : undefined, ...asked } as unknown as BillingCycle);
  } else if (input.cycleKind !== undefined) {
    if (input.cycleKind === 'calendar-monthly') cycle = { kind: 'calendar-monthly' };
    else if (input.cycleKind === 'anniversary') cycle = { kind: 'anniversary', billCycleDay: day };
    else if (KINDS.includes(input.cycleKind as CycleKind)) return { ok: false, field: 'cycle', message: `a ${input.cycleKind} cycle needs its settings: send "cycle": { "kind": "${input.cycleKind}", … }` };
    else return { ok: false, field: 'cycleKind', message: `must be one of ${KINDS.join(', ')}` };
  } else {
    cycle = current.cycle.kind === 'anniversary' ? { kind: 'anniversary', billCycleDay: day } : current.cycle;
  }
  const [problem] = validateBillingCycle(cycle, zone);
  if (problem) return { ok: false, field: problem.field === 'timeZone' ? 'timeZone' : `cycle.${problem.field}`, message: problem.message };
  return { ok: true, cycle };
}

/** The cycle with the settings of its kind and nothing else, so the stored JSON holds no stray fields. */
function settingsOf(cycle: BillingCycle): BillingCycle {
  switch (cycle.kind) {
    case 'calendar-monthly':
      return { kind: cycle.kind };
    case 'anniversary':
      return { kind: cycle.kind, billCycleDay: cycle.billCycleDay };
    case 'weekly':
      return { kind: cycle.kind, weekday: cycle.weekday };
    case 'every-n-days':
      return { kind: cycle.kind, days: cycle.days, anchor: cycle.anchor };
    case 'quarterly':
      return { kind: cycle.kind, ...(cycle.startMonth !== undefined ? { startMonth: cycle.startMonth } : {}), ...(cycle.billCycleDay !== undefined ? { billCycleDay: cycle.billCycleDay } : {}) };
    case 'yearly':
      return { kind: cycle.kind, month: cycle.month, day: cycle.day };
  }
}

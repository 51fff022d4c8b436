import type { ProrationUnit, SuspendedTimeRule } from '../billing-cycles/proration';

/** The operator's invoicing choices; the composition root binds them from the settings. */
export const InvoicingSettings = Symbol('InvoicingSettings');
export interface InvoicingSettings {
  /** How fixed fees are prorated for part of a period. */
  readonly prorationUnit: ProrationUnit;
  /** Whether a subscription's suspended time pays its fixed fees. */
  readonly suspendedTime: SuspendedTimeRule;
  /** Hours after a period ends before its invoice is finalized, for late usage to arrive; an account may set its own. */
  readonly gracePeriodHours: number;
  /** Put before the sequence number: `INV-` gives `INV-000001`. */
  readonly numberPrefix: string;
  /** Digits the sequence number is padded to. */
  readonly numberDigits: number;
  /** How far back the run looks for usage that arrived after an invoice was finalized. */
  readonly lateUsageLookbackDays: number;
  /** Unique per process: the holder name of the 'invoice-run' lease. */
  readonly instanceId: string;
}

export const DEFAULT_INVOICING_SETTINGS: Omit<InvoicingSettings, 'instanceId'> = {
  prorationUnit: 'second',
  suspendedTime: 'bill',
  gracePeriodHours: 72,
  numberPrefix: 'INV-',
  numberDigits: 6,
  lateUsageLookbackDays: 400,
};

/** Usage records carry UTC times as `YYYY-MM-DDTHH:mm:ss` without a zone (contract section 5). */
export function usageTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** Billing events carry an ISO time with the zone, as the contract's example shows. */
export function eventTime(date: Date): string {
  return date.toISOString();
}

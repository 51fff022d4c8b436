import { MeteringStatus, type MeteredQuantity, type MeteringResult, type WapUsageRecord } from './meter-plugin';

/** One key of a WAP record's `Resources` billed as one meter. */
export interface ResourceMapping {
  readonly meterId: string;
  /** The `Resources` key, exactly as WAP sends it. */
  readonly key: string;
  /**
   * From WAP's unit to the meter's (MB → GB), exactly: receives validated decimal text and must
   * return decimal text (`multiplyDecimalText`, or a decimal library; never JavaScript numbers).
   * Absent means unchanged.
   */
  readonly convert?: (decimalText: string) => string;
}

const DECIMAL_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Whether `text` is plain decimal text as WAP sends numbers (`"1024"`, `"0.75"`). */
export function isDecimalText(text: string): boolean {
  return DECIMAL_TEXT.test(text.trim());
}

/**
 * Meters the mapped keys of one record: a key that is absent yields nothing, a value that is not
 * decimal text makes the whole record `Invalid` (naming the key), the rest become quantities.
 * Added in plugin API 1.1.0.
 */
export function meterResources(record: WapUsageRecord, mappings: readonly ResourceMapping[]): MeteringResult {
  const quantities: MeteredQuantity[] = [];
  for (const mapping of mappings) {
    const text = record.resources[mapping.key];
    if (text === undefined) continue;
    if (!isDecimalText(text)) {
      return { status: MeteringStatus.Invalid, reason: `Resources.${mapping.key} is not a decimal number: ${JSON.stringify(text)}` };
    }
    const value = text.trim();
    quantities.push({ meterId: mapping.meterId, quantity: mapping.convert ? mapping.convert(value) : value });
  }
  return { status: MeteringStatus.Metered, quantities };
}

import { IANAZone } from 'luxon';

const answers = new Map<string, boolean>();

/**
 * Whether the runtime knows `zone` as an IANA time zone. Remembered per name: luxon builds an Intl
 * formatter on every call to find out, and an invoice run asks for every account it bills.
 */
export function isIanaZone(zone: string): boolean {
  let known = answers.get(zone);
  if (known === undefined) answers.set(zone, (known = IANAZone.isValidZone(zone)));
  return known;
}

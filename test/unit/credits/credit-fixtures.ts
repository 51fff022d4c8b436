import { Decimal } from '../../../core/money/decimal';
import type { GrantBalance } from '../../../core/credits/apply-credits';
import type { FreeUnitsGrant, MonetaryGrant } from '../../../core/credits/credit-grant';

/** A EUR grant to `tenant-a` made on Jan 1 2025, with its whole amount still on the balance. */
export function money(id: string, amount: string, extra: Partial<MonetaryGrant> = {}): GrantBalance {
  const grant: MonetaryGrant = {
    id, accountId: 'tenant-a', subscriptionId: null, description: `Credit ${id}`, grantedAt: new Date('2025-01-01T00:00:00Z'),
    expiresAt: null, kind: 'monetary', amount: new Decimal(amount), currency: 'EUR', ...extra,
  };
  return { grant, balance: grant.amount };
}

export function freeUnits(id: string, meterId: string, quantity: string, extra: Partial<FreeUnitsGrant> = {}): FreeUnitsGrant {
  return {
    id, accountId: 'tenant-a', subscriptionId: null, description: 'Free VM hours', grantedAt: new Date('2025-01-01T00:00:00Z'),
    expiresAt: null, kind: 'free-units', meterId, quantityPerPeriod: new Decimal(quantity), ...extra,
  };
}

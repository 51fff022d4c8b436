import type { ContainerModuleLoadOptions } from 'inversify';
import { LineAdjuster } from '../promotions/line-adjuster';
import { ComputeFreeUnits } from './compute-free-units';
import { CreditAdjuster } from './credit-adjuster';
import { GetCreditBalance } from './get-credit-balance';
import { GrantCredit } from './grant-credit';
import { RecordCreditUses } from './record-credit-uses';
import { ReverseCreditUses } from './reverse-credit-uses';

/** Credit grants, free units and the credit stage of the draft adjustments; the store is bound by persistence. */
export function bindCredits(bind: ContainerModuleLoadOptions['bind']): void {
  bind(GrantCredit).toSelf().inSingletonScope();
  bind(ComputeFreeUnits).toSelf().inSingletonScope();
  bind(RecordCreditUses).toSelf().inSingletonScope();
  bind(ReverseCreditUses).toSelf().inSingletonScope();
  bind(GetCreditBalance).toSelf().inSingletonScope();
  bind(CreditAdjuster).toSelf().inSingletonScope();
  bind(LineAdjuster).toService(CreditAdjuster);
}

import type { ContainerModuleLoadOptions } from 'inversify';
import { AskPaymentConnectors } from './ask-payment-connectors';
import { ReviewSignup } from './review-signup';

export function bindSignup(bind: ContainerModuleLoadOptions['bind']): void {
  bind(AskPaymentConnectors).toSelf().inSingletonScope();
  bind(ReviewSignup).toSelf().inSingletonScope();
}

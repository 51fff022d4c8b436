import type { ContainerModuleLoadOptions } from 'inversify';
import { MeterRegistry } from './meter-registry';
import { PaymentConnectorRegistry } from './payment-connector-registry';
import { PluginActivator } from './plugin-activator';
import { PluginRegistry } from './plugin-registry';
import { SaveDeclarativeMeter } from './save-declarative-meter';

export function bindPlugins(bind: ContainerModuleLoadOptions['bind']): void {
  bind(MeterRegistry).toSelf().inSingletonScope();
  bind(PaymentConnectorRegistry).toSelf().inSingletonScope();
  bind(PluginActivator).toSelf().inSingletonScope();
  bind(PluginRegistry).toSelf().inSingletonScope();
  bind(SaveDeclarativeMeter).toSelf().inSingletonScope();
}

import { ContainerModule } from 'inversify';
import { bindAccounts } from './accounts/bind-accounts';
import { bindCatalogue } from './catalogue/bind-catalogue';
import { bindCredits } from './credits/bind-credits';
import { CheckHealth } from './health/check-health';
import { bindInvoicing } from './invoicing/bind-invoicing';
import { bindPersistence } from './persistence/bind-persistence';
import { bindPlugins } from './plugin-host/bind-plugins';
import { bindPromotions } from './promotions/bind-promotions';
import { bindUsage } from './usage/bind-usage';
import { bindSignup } from './signup/bind-signup';
import { bindSubscriptions } from './subscriptions/bind-subscriptions';

/**
 * The core's bindings. The composition root supplies what only it knows: `DatabaseSettings`,
 * `PluginDirectories`, `PluginHostContainer`, `Logger`, `Clock`, `AccountDefaults` and `InvoicingSettings`.
 */
export const coreModule = new ContainerModule(({ bind }) => {
  bindPersistence(bind);
  bindPlugins(bind);
  bindUsage(bind);
  bindAccounts(bind);
  bindSubscriptions(bind);
  bindSignup(bind);
  bindCatalogue(bind);
  bindInvoicing(bind);
  bindPromotions(bind);
  bindCredits(bind);
  bind(CheckHealth).toSelf().inSingletonScope();
});

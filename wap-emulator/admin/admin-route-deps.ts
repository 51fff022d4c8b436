import type { CallLog } from '../control/call-log';
import type { UsageLog } from '../feeds/usage-log';
import type { LifecycleContext } from '../lifecycle/lifecycle-context';
import type { OutboundClient } from '../notify/outbound-client';
import type { AdminStore } from './admin-store';

export interface AdminRouteDeps {
  store: AdminStore;
  lifecycle: LifecycleContext;
  client: OutboundClient;
  usage: UsageLog;
  calls: CallLog;
}

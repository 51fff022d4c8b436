import { ConnectionStatus, type ConnectionCheck, type PaymentConnector } from '../../../core/plugin-api';
import { PaymentConnectorRegistry } from '../../../core/plugin-host/payment-connector-registry';
import { fail, messageOf, ok, type CheckLine, type DoctorCheck } from './doctor-check';

/** A payment system that has not answered within this long counts as unreachable. */
const TIMEOUT_MS = 10_000;

/** Each enabled payment connector's `testConnection()`. */
export const paymentConnectorsCheck: DoctorCheck = {
  async run(context) {
    try {
      await context.plugins();
    } catch {
      return []; // the plugins check already says why nothing could be loaded
    }
    const connectors = context.container.get(PaymentConnectorRegistry).active();
    if (connectors.length === 0) return [ok('payment connectors', 'none enabled')];
    return Promise.all(connectors.map(check));
  },
};

async function check(connector: PaymentConnector): Promise<CheckLine> {
  const subject = `payment connector ${connector.id}`;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS)));
    const result: ConnectionCheck = await Promise.race([connector.testConnection(), timeout]);
    const detail = result.message ? `: ${result.message}` : '';
    switch (result.status) {
      case ConnectionStatus.Ok:
        return ok(subject, `connected${detail}`);
      case ConnectionStatus.Misconfigured:
        return fail(subject, `the payment system refused the settings${detail}`);
      case ConnectionStatus.Unreachable:
        return fail(subject, `the payment system is not reachable${detail}`);
      default:
        return fail(subject, `answered an unknown status '${String(result.status)}'${detail}`);
    }
  } catch (error) {
    return fail(subject, `testConnection failed: ${messageOf(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

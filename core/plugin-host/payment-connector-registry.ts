import { injectable, multiInject, optional } from 'inversify';
import { PaymentConnector } from '../plugin-api';
import { PluginConflictError } from './plugin-conflict-error';

/** Every active payment connector, by id. */
@injectable()
export class PaymentConnectorRegistry {
  private readonly connectors = new Map<string, PaymentConnector>();

  constructor(@multiInject(PaymentConnector) @optional() builtIn: PaymentConnector[] = []) {
    builtIn.forEach((c) => this.add(c));
  }

  add(connector: PaymentConnector): void {
    if (this.connectors.has(connector.id)) throw new PluginConflictError(`a payment connector with id '${connector.id}' is already active`);
    this.connectors.set(connector.id, connector);
  }

  remove(connectorId: string): void {
    this.connectors.delete(connectorId);
  }

  find(connectorId: string): PaymentConnector | undefined {
    return this.connectors.get(connectorId);
  }

  active(): PaymentConnector[] {
    return [...this.connectors.values()];
  }
}

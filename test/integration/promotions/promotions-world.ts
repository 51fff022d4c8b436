import { Container } from 'inversify';
import { coreModule } from '../../../core/core-module';
import { ComputeFreeUnits } from '../../../core/credits/compute-free-units';
import { GetCreditBalance } from '../../../core/credits/get-credit-balance';
import { GrantCredit } from '../../../core/credits/grant-credit';
import { RecordCreditUses } from '../../../core/credits/record-credit-uses';
import { ReverseCreditUses } from '../../../core/credits/reverse-credit-uses';
import { Database, DatabaseSettings } from '../../../core/persistence/database';
import { migrateToLatest } from '../../../core/persistence/migrator';
import { AdjustInvoiceDraft } from '../../../core/promotions/adjust-invoice-draft';
import { CreateCoupon } from '../../../core/promotions/create-coupon';
import { DefinePromotion } from '../../../core/promotions/define-promotion';
import { RedeemCoupon } from '../../../core/promotions/redeem-coupon';
import { Clock, ManualClock } from '../../../core/time/clock';
import { freshDatabaseUrl } from '../../support/test-database';

/**
 * The promotions and credits use cases as the core module binds them, over a fresh migrated
 * database of the backend under test, with a manual clock.
 */
export class PromotionsWorld {
  private constructor(readonly database: Database, readonly clock: ManualClock, private readonly container: Container) {}

  static async start(at: string): Promise<PromotionsWorld> {
    const url = await freshDatabaseUrl();
    const container = new Container();
    const clock = new ManualClock(at);
    container.bind(DatabaseSettings).toConstantValue({ url });
    container.bind(Clock).toConstantValue(clock);
    container.load(coreModule);
    const database = container.get(Database);
    await migrateToLatest(database);
    return new PromotionsWorld(database, clock, container);
  }

  /** A second resource-provider instance on the same database: its own pool, its own use cases. */
  async secondInstance(): Promise<PromotionsWorld> {
    const container = new Container();
    const url = (this.container.get(DatabaseSettings) as DatabaseSettings).url;
    container.bind(DatabaseSettings).toConstantValue({ url });
    container.bind(Clock).toConstantValue(this.clock);
    container.load(coreModule);
    return new PromotionsWorld(container.get(Database), this.clock, container);
  }

  get definePromotion(): DefinePromotion { return this.container.get(DefinePromotion); }
  get createCoupon(): CreateCoupon { return this.container.get(CreateCoupon); }
  get redeemCoupon(): RedeemCoupon { return this.container.get(RedeemCoupon); }
  get grantCredit(): GrantCredit { return this.container.get(GrantCredit); }
  get adjustDraft(): AdjustInvoiceDraft { return this.container.get(AdjustInvoiceDraft); }
  get freeUnits(): ComputeFreeUnits { return this.container.get(ComputeFreeUnits); }
  get recordUses(): RecordCreditUses { return this.container.get(RecordCreditUses); }
  get reverseUses(): ReverseCreditUses { return this.container.get(ReverseCreditUses); }
  get balance(): GetCreditBalance { return this.container.get(GetCreditBalance); }

  /** Any other binding of the core, a store for instance. */
  get<T>(id: symbol): T {
    return this.container.get<T>(id);
  }

  async stop(): Promise<void> {
    await this.database.close();
  }
}

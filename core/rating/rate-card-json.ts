import { Decimal, parseDecimal } from '../money/decimal';
import type { PriceModel, PriceTier } from './price-model';
import type { FixedFee, MeterCharge, RateCard } from './rate-card';

/**
 * A rate card as JSON: every price and quantity a decimal STRING ("0.05"), never a JSON number,
 * because a number has already passed through a double by the time anyone reads it.
 */
export type RateCardJson = Record<string, unknown>;

/**
 * Reads a card an admin sent (or the store kept). Nothing is refused here: a value that is not a
 * decimal string is passed on as it is, so `validateRateCard` reports it with its field path.
 */
export function rateCardFromJson(id: string, json: RateCardJson): RateCard {
  const offer = (json.offer ?? {}) as Record<string, unknown>;
  const charges: Record<string, MeterCharge> = {};
  for (const [meterId, raw] of Object.entries(asObject(json.charges))) {
    const charge = asObject(raw);
    charges[meterId] = {
      model: modelFromJson(asObject(charge.model)),
      ...(charge.includedQuantity === undefined ? {} : { includedQuantity: decimal(charge.includedQuantity) }),
    };
  }
  const fees = Array.isArray(json.fixedFees) ? json.fixedFees : [];
  return {
    id,
    offer: { kind: offer.kind === 'add-on' ? 'add-on' : 'plan', id: typeof offer.id === 'string' ? offer.id : '' },
    currency: typeof json.currency === 'string' ? json.currency : '',
    effectiveFrom: new Date(typeof json.effectiveFrom === 'string' ? json.effectiveFrom : NaN),
    charges,
    fixedFees: fees.map((f): FixedFee => {
      const fee = asObject(f);
      return { id: String(fee.id ?? ''), description: String(fee.description ?? fee.id ?? ''), interval: fee.interval as FixedFee['interval'], amount: decimal(fee.amount) };
    }),
  };
}

/** The card as stored and answered: decimal strings, an ISO instant. */
export function rateCardToJson(card: RateCard): RateCardJson {
  const text = (d: Decimal | undefined) => (d === undefined ? undefined : d.toString());
  const tiers = (list: readonly PriceTier[]) =>
    list.map((t) => ({ from: text(t.from), to: t.to === null ? null : text(t.to), unitPrice: text(t.unitPrice), ...(t.flatFee ? { flatFee: text(t.flatFee) } : {}) }));
  const model = (m: PriceModel) => {
    switch (m.kind) {
      case 'per-unit': return { kind: m.kind, unitPrice: text(m.unitPrice) };
      case 'graduated':
      case 'volume': return { kind: m.kind, tiers: tiers(m.tiers) };
      case 'package': return { kind: m.kind, blockSize: text(m.blockSize), blockPrice: text(m.blockPrice), ...(m.freeUnits ? { freeUnits: text(m.freeUnits) } : {}) };
    }
  };
  return {
    id: card.id,
    offer: { kind: card.offer.kind, id: card.offer.id },
    currency: card.currency,
    effectiveFrom: card.effectiveFrom.toISOString(),
    charges: Object.fromEntries(
      Object.entries(card.charges).map(([meterId, c]) => [meterId, { model: model(c.model), ...(c.includedQuantity ? { includedQuantity: text(c.includedQuantity) } : {}) }]),
    ),
    fixedFees: card.fixedFees.map((f) => ({ id: f.id, description: f.description, interval: f.interval, amount: text(f.amount) })),
  };
}

function modelFromJson(model: Record<string, unknown>): PriceModel {
  const tiers = (Array.isArray(model.tiers) ? model.tiers : []).map((t): PriceTier => {
    const tier = asObject(t);
    return {
      from: decimal(tier.from),
      to: tier.to === null || tier.to === undefined ? null : decimal(tier.to),
      unitPrice: decimal(tier.unitPrice),
      ...(tier.flatFee === undefined ? {} : { flatFee: decimal(tier.flatFee) }),
    };
  });
  switch (model.kind) {
    case 'per-unit': return { kind: 'per-unit', unitPrice: decimal(model.unitPrice) };
    case 'graduated': return { kind: 'graduated', tiers };
    case 'volume': return { kind: 'volume', tiers };
    case 'package':
      return { kind: 'package', blockSize: decimal(model.blockSize), blockPrice: decimal(model.blockPrice), ...(model.freeUnits === undefined ? {} : { freeUnits: decimal(model.freeUnits) }) };
    default:
      return model as unknown as PriceModel; // validatePriceModel names the unknown kind
  }
}

/** A Decimal for a decimal string; anything else unchanged, for the validator to report. */
function decimal(value: unknown): Decimal {
  return (typeof value === 'string' ? (parseDecimal(value) ?? value) : value) as Decimal;
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Why a rate card cannot be used; each code is reported with the field it concerns. */
export type RateCardProblemCode =
  | 'required'
  | 'unknown_currency'
  | 'invalid_date'
  | 'not_a_number'
  | 'negative'
  | 'not_positive'
  | 'unknown_model'
  | 'no_tiers'
  | 'first_tier_not_at_zero'
  | 'tiers_not_contiguous'
  | 'tier_not_ascending'
  | 'last_tier_not_open'
  | 'open_tier_not_last'
  | 'unknown_interval'
  | 'duplicate_fee_id';

/** One problem of a rate card, e.g. `{ field: 'charges["vm.hours"].model.tiers[1].from', code: 'tiers_not_contiguous' }`. */
export interface RateCardProblem {
  /** A path into the card as an admin would write it, so the portal can highlight the input. */
  readonly field: string;
  readonly code: RateCardProblemCode;
  readonly message: string;
}

export function problem(field: string, code: RateCardProblemCode, message: string): RateCardProblem {
  return { field, code, message };
}

import { randomInt } from 'node:crypto';

/**
 * WAP names a plan or add-on by the first letters of its display name and eight random lowercase
 * letters (the contract's example: `Examphlztfpgi` for "ExamplePlan"). `letterSource` lets the
 * generator derive the letters from its seed; anything else gets random ones.
 */
export function wapOfferId(displayName: string, letterSource: (i: number) => number = () => randomInt(26)): string {
  const prefix = displayName.replace(/[^A-Za-z]/g, '').slice(0, 5) || 'Offer';
  let suffix = '';
  for (let i = 0; i < 8; i++) suffix += String.fromCharCode(97 + (letterSource(i) % 26));
  return prefix + suffix;
}

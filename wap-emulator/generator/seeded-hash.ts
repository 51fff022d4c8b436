/**
 * A small stateless hash: every generated value is a pure function of (seed, what, index…), so any
 * record can be computed from its EventId alone without walking a random stream from the start.
 */
export function hash32(seed: number, ...parts: number[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    // Mixing the high bits of a large index as well keeps indexes above 2^32 apart.
    h = Math.imul(h ^ Math.floor(part / 0x100000000), 0x27d4eb2f) >>> 0;
  }
  return h >>> 0;
}

/** Picks one entry of a non-empty list. */
export function pick<T>(list: readonly T[], h: number): T {
  return list[h % list.length];
}

/** A GUID-shaped id (version 4 layout) derived from the hash, so generated ids repeat with the seed. */
export function seededGuid(seed: number, ...parts: number[]): string {
  const words = [0, 1, 2, 3].map(i => hash32(seed, ...parts, i).toString(16).padStart(8, '0'));
  const hex = words.join('');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Names a string seed as a number, so `seed: 'demo'` and `seed: 42` both work. */
export function seedOf(seed: number | string): number {
  if (typeof seed === 'number') return seed >>> 0;
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return h >>> 0;
}

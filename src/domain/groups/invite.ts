import { randomInt } from 'node:crypto';

// Crockford-style alphabet without look-alikes (0/O, 1/I/L, U): easy to read aloud and type on a phone.
const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const length = 10; // 30^10 ≈ 5.9e14 codes; with per-user rate limiting a guess is hopeless.

export function newInviteCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < length; i++) code += alphabet[random(alphabet.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Accepts what people actually type: lower case, spaces, a missing dash. */
export function normalizeInviteCode(input: string): string | undefined {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '');
  if (cleaned.length !== length || ![...cleaned].every((c) => alphabet.includes(c))) return undefined;
  return `${cleaned.slice(0, 5)}-${cleaned.slice(5)}`;
}

export const inviteCodePattern = /\b[2-9A-Za-z]{5}-?[2-9A-Za-z]{5}\b/;

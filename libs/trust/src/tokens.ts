import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { TrustError } from './errors';
import { parseCertificate } from './parse';

// Join tokens follow Swarm's: BTHTKN-1-<CA digest>-<secret>. The digest lets a joining machine
// pin the manager's CA before it trusts it; the secret is what the manager checks.
const PREFIX = 'BTHTKN';
const VERSION = '1';
// A 256-bit digest in base 36 needs 50 digits, a 128-bit secret 25; both are zero-padded so
// every token has the same length and shape.
const DIGEST_LENGTH = 50;
const SECRET_BYTES = 16;
const SECRET_LENGTH = 25;
const TOKEN_PATTERN = new RegExp(
  `^${PREFIX}-${VERSION}-([0-9a-z]{${DIGEST_LENGTH}})-([0-9a-z]{${SECRET_LENGTH}})$`,
);

export interface JoinToken {
  caDigest: string;
  secret: string;
}

/** A new join token for the CA: the same digest, a fresh random secret on each call. */
export function createJoinToken(caCertPem: string): string {
  const secret = base36(randomBytes(SECRET_BYTES), SECRET_LENGTH);
  return `${PREFIX}-${VERSION}-${caDigestOf(caCertPem)}-${secret}`;
}

export function parseJoinToken(token: string): JoinToken {
  const match = TOKEN_PATTERN.exec(token);
  if (!match) {
    throw new TrustError(
      'bad-token-format',
      `invalid join token: expected ${PREFIX}-${VERSION}-<${DIGEST_LENGTH} base36 characters>-<${SECRET_LENGTH} base36 characters>`,
    );
  }
  return { caDigest: match[1], secret: match[2] };
}

/** SHA-256 of the CA certificate's DER, in base 36: what a join token pins. */
export function caDigestOf(caCertPem: string): string {
  const der = parseCertificate(caCertPem).rawData;
  return base36(createHash('sha256').update(new Uint8Array(der)).digest(), DIGEST_LENGTH);
}

/**
 * Whether the CA a manager presented is the one the token names. A joining machine calls this
 * on first contact, before it believes anything the manager says (trust on first use, pinned).
 */
export function verifyCaDigest(caCertPem: string, token: string): boolean {
  return constantTimeEqual(caDigestOf(caCertPem), parseJoinToken(token).caDigest);
}

/** Compares a presented token with the expected one without leaking where they differ. */
export function tokenMatches(token: string, expectedToken: string): boolean {
  return constantTimeEqual(token, expectedToken);
}

// Hashing first gives equal-length inputs, so the comparison leaks neither the position of the
// first difference nor the length of the expected value.
function constantTimeEqual(a: string, b: string): boolean {
  const hash = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(hash(a), hash(b));
}

function base36(bytes: Buffer, length: number): string {
  return BigInt(`0x${bytes.toString('hex')}`)
    .toString(36)
    .padStart(length, '0');
}

import { createCipheriv, createDecipheriv, randomBytes, scrypt, ScryptOptions } from 'node:crypto';
import { TrustError } from './errors';

// What the cluster keeps secret in etcd is sealed with AES-256-GCM (authenticated, so a wrong key
// or a tampered blob fails loudly): the CA key and the data key under the managers' unlock key
// stretched by scrypt; each secret under the data key, which is random and needs no stretching.

/** The sealed form, stored as JSON. The scrypt cost travels with it, so it can rise later. */
interface SealedKey {
  v: 1;
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  data: string;
}

// 2^15 costs about 0.1 s and 32 MiB: negligible once per manager start, costly per guess.
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const MAX_MEMORY = 256 * 1024 * 1024;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/** TEXT sealed with PASSPHRASE (the CA key and the data key, with the unlock key). */
export async function sealWithPassphrase(text: string, passphrase: string): Promise<string> {
  assertPassphrase(passphrase);
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt, COST), iv);
  const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  const sealed: SealedKey = {
    v: 1,
    kdf: 'scrypt',
    ...COST,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
  return JSON.stringify(sealed);
}

export async function unsealWithPassphrase(blob: string, passphrase: string): Promise<string> {
  assertPassphrase(passphrase);
  const sealed = parseSealed(blob);
  const key = await deriveKey(passphrase, Buffer.from(sealed.salt, 'base64'), sealed);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  try {
    const data = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
    return data.toString('utf8');
  } catch {
    // GCM cannot tell a wrong key from tampered data; a wrong passphrase is by far the likelier.
    throw new TrustError('bad-passphrase', 'cannot unseal: wrong passphrase or corrupted data');
  }
}

function assertPassphrase(passphrase: string): void {
  if (passphrase.length === 0) {
    throw new TrustError('bad-passphrase', 'the passphrase must not be empty');
  }
}

function deriveKey(
  passphrase: string,
  salt: Buffer,
  cost: { N: number; r: number; p: number },
): Promise<Buffer> {
  // Node's default memory cap (32 MiB) is exactly what N=2^15, r=8 needs, and it refuses that.
  const options: ScryptOptions = { ...cost, maxmem: 2 * scryptMemory(cost.N, cost.r) };
  return new Promise((resolve, reject) =>
    scrypt(passphrase, salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

function parseSealed(blob: string): SealedKey {
  let value: unknown;
  try {
    value = JSON.parse(blob);
  } catch {
    throw badSealed('not JSON');
  }
  if (!isSealedKey(value)) {
    throw badSealed('unknown format or version');
  }
  return value;
}

function isSealedKey(value: unknown): value is SealedKey {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const v = value as Record<string, unknown>;
  return (
    v.v === 1 &&
    v.kdf === 'scrypt' &&
    isAffordableCost(v.N, v.r, v.p) &&
    isBase64Of(v.salt, SALT_BYTES) &&
    isBase64Of(v.iv, IV_BYTES) &&
    isBase64Of(v.tag, TAG_BYTES) &&
    typeof v.data === 'string'
  );
}

// The cost is read from stored data, so it is bounded: a doctored blob must not make a
// manager allocate gigabytes or spin for minutes before failing.
function isAffordableCost(N: unknown, r: unknown, p: unknown): boolean {
  return isPowerOfTwo(N) && isIntIn(r, 1, 32) && isIntIn(p, 1, 4) && scryptMemory(N, r) <= MAX_MEMORY;
}

function isPowerOfTwo(n: unknown): n is number {
  return Number.isInteger(n) && (n as number) > 1 && ((n as number) & ((n as number) - 1)) === 0;
}

function isIntIn(n: unknown, min: number, max: number): n is number {
  return Number.isInteger(n) && (n as number) >= min && (n as number) <= max;
}

function isBase64Of(value: unknown, bytes: number): boolean {
  return typeof value === 'string' && Buffer.from(value, 'base64').length === bytes;
}

function scryptMemory(N: number, r: number): number {
  return 128 * N * r;
}

function badSealed(reason: string): TrustError {
  return new TrustError('bad-sealed-key', `cannot read the sealed data: ${reason}`);
}

// ---- sealing with a random key (secrets under the data key) --------------------------------

interface SealedWithKey {
  v: 1;
  iv: string;
  tag: string;
  data: string;
}

/** A fresh data key: 32 random bytes, base64. */
export function createDataKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

/** DATA sealed with KEY (from `createDataKey`); a fresh IV each time. */
export function sealWithKey(data: Buffer, key: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKeyBytes(key), iv);
  const sealed = Buffer.concat([cipher.update(data), cipher.final()]);
  const out: SealedWithKey = {
    v: 1,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: sealed.toString('base64'),
  };
  return JSON.stringify(out);
}

export function unsealWithKey(blob: string, key: string): Buffer {
  let value: Partial<SealedWithKey>;
  try {
    value = JSON.parse(blob) as Partial<SealedWithKey>;
  } catch {
    throw badSealed('not JSON');
  }
  if (
    value?.v !== 1 ||
    !isBase64Of(value.iv, IV_BYTES) ||
    !isBase64Of(value.tag, TAG_BYTES) ||
    typeof value.data !== 'string'
  )
    throw badSealed('unknown format or version');
  const decipher = createDecipheriv('aes-256-gcm', dataKeyBytes(key), Buffer.from(value.iv!, 'base64'));
  decipher.setAuthTag(Buffer.from(value.tag!, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(value.data, 'base64')), decipher.final()]);
  } catch {
    throw new TrustError('bad-key', 'cannot unseal: wrong data key or corrupted data');
  }
}

function dataKeyBytes(key: string): Buffer {
  const bytes = Buffer.from(key, 'base64');
  if (bytes.length !== KEY_BYTES) throw new TrustError('bad-key', `a data key is ${KEY_BYTES} bytes, base64`);
  return bytes;
}

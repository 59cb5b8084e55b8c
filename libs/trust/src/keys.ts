import { createPrivateKey, createPublicKey, KeyObject, webcrypto } from 'node:crypto';
import { TrustError } from './errors';
import { KEY_ALGORITHM, subtle, x509 } from './x509';

export type KeyPair = webcrypto.CryptoKeyPair;

export interface SigningKey {
  key: webcrypto.CryptoKey;
  /** DER SubjectPublicKeyInfo of the matching public key, to check it against a certificate. */
  publicKeyDer: Buffer;
}

/** A fresh P-256 key pair. Extractable, because the caller persists the private key as PEM. */
export async function generateKeyPair(): Promise<KeyPair> {
  return subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
}

/** PKCS#8 PEM, the form Node's `tls` and `openssl` read without options. */
export async function exportPrivateKeyPem(key: webcrypto.CryptoKey): Promise<string> {
  const der = await subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

/**
 * Imports a PEM private key for signing. Node's parser comes first because it also accepts
 * SEC1 ("EC PRIVATE KEY") files made by openssl, and re-exports them as PKCS#8 for WebCrypto.
 */
export async function importSigningKey(keyPem: string): Promise<SigningKey> {
  const keyObject = readPrivateKey(keyPem);
  const pkcs8 = keyObject.export({ type: 'pkcs8', format: 'der' });
  try {
    const key = await subtle.importKey('pkcs8', pkcs8, KEY_ALGORITHM, false, ['sign']);
    return { key, publicKeyDer: createPublicKey(keyObject).export({ type: 'spki', format: 'der' }) };
  } catch {
    throw new TrustError('bad-key', 'private key is not an ECDSA P-256 key');
  }
}

function readPrivateKey(keyPem: string): KeyObject {
  try {
    return createPrivateKey(keyPem);
  } catch (err) {
    throw new TrustError('bad-key', `cannot read private key: ${(err as Error).message}`);
  }
}

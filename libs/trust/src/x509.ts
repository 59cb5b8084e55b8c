// The one door to @peculiar/x509. The library resolves its ASN.1 helpers through tsyringe,
// which needs the Reflect metadata polyfill loaded first, and it needs a WebCrypto
// implementation; both are set up here, so every module imports x509 from this file.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto);

export { x509 };

export const subtle = webcrypto.subtle;

/** The one key type of the cluster: small keys, fast signatures, supported by every TLS stack. */
export const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
export const SIGNING_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;

import { TrustError } from './errors';
import { x509 } from './x509';

/** Parses a PEM string or DER bytes into a certificate, or throws `bad-certificate`. */
export function parseCertificate(input: string | Uint8Array): x509.X509Certificate {
  try {
    // A copy, so a Buffer that views a shared pool hands over its own bytes only.
    return new x509.X509Certificate(typeof input === 'string' ? input : new Uint8Array(input));
  } catch (err) {
    throw new TrustError('bad-certificate', `cannot parse certificate: ${(err as Error).message}`);
  }
}

/** The single value of a subject attribute, or undefined when it is absent or repeated. */
export function singleField(name: x509.Name, field: 'CN' | 'O' | 'OU'): string | undefined {
  const values = name.getField(field);
  return values.length === 1 ? values[0] : undefined;
}

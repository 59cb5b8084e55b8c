import { parseCertificate } from './parse';
import { isWithin } from './validity';
import { x509 } from './x509';

/**
 * Whether `certPem` was issued by the CA and both are valid at `now`. Malformed input throws
 * `bad-certificate`; a well-formed certificate that is not trusted gives false.
 */
export async function verifyCertificateChain(
  certPem: string,
  caCertPem: string,
  now: Date = new Date(),
): Promise<boolean> {
  const cert = parseCertificate(certPem);
  const ca = parseCertificate(caCertPem);
  return (
    isCa(ca) &&
    isWithin(ca, now) &&
    isWithin(cert, now) &&
    sameName(cert.issuerName, ca.subjectName) &&
    (await signedBy(cert, ca))
  );
}

function isCa(cert: x509.X509Certificate): boolean {
  return cert.getExtension(x509.BasicConstraintsExtension)?.ca === true;
}

function sameName(a: x509.Name, b: x509.Name): boolean {
  return Buffer.from(a.toArrayBuffer()).equals(Buffer.from(b.toArrayBuffer()));
}

// The library throws rather than answering false for some unusable keys; both mean "no".
async function signedBy(cert: x509.X509Certificate, ca: x509.X509Certificate): Promise<boolean> {
  try {
    return await cert.verify({ publicKey: ca.publicKey, signatureOnly: true });
  } catch {
    return false;
  }
}

import { CA_COMMON_NAME, ClusterCa, createClusterCa } from './ca';
import { issueServerCertificate, signNodeCertificate } from './certificates';
import { createKeyAndCsr } from './csr';
import { TrustError } from './errors';
import { readIdentity, readIdentityFromDer } from './identity';
import { verifyCertificateChain } from './verify';
import { KEY_ALGORITHM, SIGNING_ALGORITHM, subtle, x509 } from './x509';

const DAY_MS = 24 * 60 * 60 * 1000;

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(TrustError);
    return (err as TrustError).code;
  }
}

function sanOf(cert: x509.X509Certificate): string[] {
  const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
  return san?.names.items.map((name) => `${name.type}:${name.value}`) ?? [];
}

/** The same CSR with one bit of its signature flipped. */
function withBrokenSignature(csrPem: string): string {
  const der = new Uint8Array(new x509.Pkcs10CertificateRequest(csrPem).rawData);
  der[der.length - 1] ^= 1;
  return x509.PemConverter.encode(der.buffer, 'CERTIFICATE REQUEST');
}

async function p384Csr(): Promise<string> {
  const keys = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, true, ['sign', 'verify']);
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: 'CN=host',
    keys,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-384' },
  });
  return csr.toString('pem');
}

describe('cluster certificates', () => {
  const now = new Date('2030-01-01T00:00:00Z');
  let ca: ClusterCa;
  let otherCa: ClusterCa;
  let workerCsr: { keyPem: string; csrPem: string };

  beforeAll(async () => {
    [ca, otherCa, workerCsr] = await Promise.all([
      createClusterCa('cluster-a', now),
      createClusterCa('cluster-b', now),
      createKeyAndCsr('worker-host'),
    ]);
  });

  const worker = { nodeId: 'w1', role: 'worker' as const, clusterId: 'cluster-a', now };

  describe(createClusterCa.name, () => {
    it('should be a self-signed P-256 CA named for the cluster', async () => {
      const cert = new x509.X509Certificate(ca.certPem);
      expect(cert.subjectName.getField('CN')).toEqual([CA_COMMON_NAME]);
      expect(cert.subjectName.getField('O')).toEqual(['cluster-a']);
      expect(cert.issuer).toBe(cert.subject);
      expect(await cert.isSelfSigned()).toBe(true);
      expect(cert.publicKey.algorithm).toMatchObject(KEY_ALGORITHM);
    });

    it('should be a critical CA that may only sign certificates and CRLs', () => {
      const cert = new x509.X509Certificate(ca.certPem);
      const basic = cert.getExtension(x509.BasicConstraintsExtension);
      const usage = cert.getExtension(x509.KeyUsagesExtension);
      expect(basic).toMatchObject({ ca: true, critical: true, pathLength: 0 });
      expect(usage?.critical).toBe(true);
      expect(usage?.usages).toBe(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign);
    });

    it('should be valid for 20 years and have a random serial', () => {
      const cert = new x509.X509Certificate(ca.certPem);
      expect(cert.notAfter.toISOString()).toBe('2050-01-01T00:00:00.000Z');
      expect(cert.notBefore.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(cert.serialNumber).not.toBe(new x509.X509Certificate(otherCa.certPem).serialNumber);
      expect(cert.serialNumber.length).toBeGreaterThanOrEqual(30);
    });

    it('should return the key as PKCS#8 PEM', () => {
      expect(ca.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    });

    it('should refuse a cluster id that cannot be a subject field', async () => {
      expect(await codeOf(createClusterCa(''))).toBe('bad-name');
      expect(await codeOf(createClusterCa('a b'))).toBe('bad-name');
    });
  });

  describe(createKeyAndCsr.name, () => {
    it('should make a CSR signed by its own key, naming the host', async () => {
      const csr = new x509.Pkcs10CertificateRequest(workerCsr.csrPem);
      expect(await csr.verify()).toBe(true);
      expect(csr.subjectName.getField('CN')).toEqual(['worker-host']);
      expect(workerCsr.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    });
  });

  describe(signNodeCertificate.name, () => {
    it('should name the node, its role and its cluster, whatever the CSR claims', async () => {
      const cert = new x509.X509Certificate(await signNodeCertificate(ca, workerCsr.csrPem, worker));
      expect(cert.subjectName.getField('CN')).toEqual(['w1']);
      expect(cert.subjectName.getField('OU')).toEqual(['berth-worker']);
      expect(cert.subjectName.getField('O')).toEqual(['cluster-a']);
      expect(cert.issuer).toBe(new x509.X509Certificate(ca.certPem).subject);
      expect(sanOf(cert)).toEqual(['dns:w1']);
    });

    it('should certify the key from the CSR', async () => {
      const cert = new x509.X509Certificate(await signNodeCertificate(ca, workerCsr.csrPem, worker));
      const csr = new x509.Pkcs10CertificateRequest(workerCsr.csrPem);
      expect(Buffer.from(cert.publicKey.rawData)).toEqual(Buffer.from(csr.publicKey.rawData));
    });

    it('should be a leaf for server and client authentication', async () => {
      const cert = new x509.X509Certificate(await signNodeCertificate(ca, workerCsr.csrPem, worker));
      expect(cert.getExtension(x509.BasicConstraintsExtension)).toMatchObject({ ca: false, critical: true });
      expect(cert.getExtension(x509.KeyUsagesExtension)?.usages).toBe(x509.KeyUsageFlags.digitalSignature);
      expect(cert.getExtension(x509.ExtendedKeyUsageExtension)?.usages).toEqual([
        x509.ExtendedKeyUsage.serverAuth,
        x509.ExtendedKeyUsage.clientAuth,
      ]);
      const caKeyId = new x509.X509Certificate(ca.certPem).getExtension(
        x509.SubjectKeyIdentifierExtension,
      )?.keyId;
      expect(cert.getExtension(x509.AuthorityKeyIdentifierExtension)?.keyId).toBe(caKeyId);
    });

    it('should be valid for 90 days by default, or as asked', async () => {
      const byDefault = new x509.X509Certificate(await signNodeCertificate(ca, workerCsr.csrPem, worker));
      const short = new x509.X509Certificate(
        await signNodeCertificate(ca, workerCsr.csrPem, { ...worker, validityDays: 7 }),
      );
      expect(byDefault.notAfter.getTime()).toBe(now.getTime() + 90 * DAY_MS);
      expect(short.notAfter.getTime()).toBe(now.getTime() + 7 * DAY_MS);
      // Backdated, so a node with a slow clock accepts it at once.
      expect(byDefault.notBefore.getTime()).toBeLessThan(now.getTime());
    });

    it('should never outlive the CA', async () => {
      const options = { ...worker, validityDays: 365 * 30 };
      const cert = new x509.X509Certificate(await signNodeCertificate(ca, workerCsr.csrPem, options));
      expect(cert.notAfter).toEqual(new x509.X509Certificate(ca.certPem).notAfter);
    });

    it('should add extra DNS names and IPs for a manager', async () => {
      const options = {
        ...worker,
        nodeId: 'm1',
        role: 'manager' as const,
        altNames: { dns: ['manager.example'], ips: ['10.0.0.1', 'fd00::1'] },
      };
      const cert = new x509.X509Certificate(await signNodeCertificate(ca, workerCsr.csrPem, options));
      expect(sanOf(cert)).toEqual(['dns:m1', 'dns:manager.example', 'ip:10.0.0.1', 'ip:fd00::1']);
    });

    it('should refuse extra names for a worker', async () => {
      const options = { ...worker, altNames: { dns: ['manager.example'] } };
      expect(await codeOf(signNodeCertificate(ca, workerCsr.csrPem, options))).toBe('bad-name');
    });

    it.each([
      ['a node id that is not a DNS label', { nodeId: 'w1.example' }],
      ['a bad DNS name', { role: 'manager', altNames: { dns: ['-bad-'] } }],
      ['a bad IP', { role: 'manager', altNames: { ips: ['10.0.0.256'] } }],
      ['an IPv4-mapped IPv6 address', { role: 'manager', altNames: { ips: ['::ffff:10.0.0.1'] } }],
    ])('should refuse %s', async (_what, override) => {
      const options = { ...worker, ...override } as typeof worker;
      expect(await codeOf(signNodeCertificate(ca, workerCsr.csrPem, options))).toBe('bad-name');
    });

    it('should refuse a validity that is not a positive number of days', async () => {
      const options = { ...worker, validityDays: 0 };
      expect(await codeOf(signNodeCertificate(ca, workerCsr.csrPem, options))).toBe('bad-validity');
    });

    it('should refuse a CSR whose signature does not match its key', async () => {
      const broken = withBrokenSignature(workerCsr.csrPem);
      expect(await codeOf(signNodeCertificate(ca, broken, worker))).toBe('bad-csr-signature');
    });

    it('should refuse a CSR that does not parse', async () => {
      expect(await codeOf(signNodeCertificate(ca, 'not a csr', worker))).toBe('bad-csr');
    });

    it('should refuse a key that is not P-256', async () => {
      expect(await codeOf(signNodeCertificate(ca, await p384Csr(), worker))).toBe('bad-csr');
    });

    it("should refuse to sign for another cluster than the CA's", async () => {
      const options = { ...worker, clusterId: 'cluster-b' };
      expect(await codeOf(signNodeCertificate(ca, workerCsr.csrPem, options))).toBe('cluster-mismatch');
    });

    it('should refuse a CA key that is not the CA certificate’s', async () => {
      const mixed = { certPem: ca.certPem, keyPem: otherCa.keyPem };
      expect(await codeOf(signNodeCertificate(mixed, workerCsr.csrPem, worker))).toBe('bad-key');
    });

    it('should refuse a CA certificate that is not a CA', async () => {
      const leafPem = await signNodeCertificate(ca, workerCsr.csrPem, worker);
      const notCa = { certPem: leafPem, keyPem: workerCsr.keyPem };
      expect(await codeOf(signNodeCertificate(notCa, workerCsr.csrPem, worker))).toBe('bad-certificate');
    });
  });

  describe(issueServerCertificate.name, () => {
    it('should be a manager certificate for the listen names and loopback', async () => {
      const issued = await issueServerCertificate(ca, {
        commonName: 'm1',
        dns: ['localhost'],
        ips: ['192.0.2.10'],
        now,
      });
      const cert = new x509.X509Certificate(issued.certPem);
      expect(readIdentity(issued.certPem)).toMatchObject({
        nodeId: 'm1',
        role: 'manager',
        clusterId: 'cluster-a',
      });
      expect(sanOf(cert)).toEqual(['dns:m1', 'dns:localhost', 'ip:192.0.2.10', 'ip:127.0.0.1']);
      expect(await verifyCertificateChain(issued.certPem, ca.certPem, now)).toBe(true);
    });

    it('should return the key that matches the certificate', async () => {
      const issued = await issueServerCertificate(ca, { commonName: 'm1', dns: [], ips: ['127.0.0.1'], now });
      const key = await subtle.importKey(
        'pkcs8',
        x509.PemConverter.decodeFirst(issued.keyPem),
        KEY_ALGORITHM,
        false,
        ['sign'],
      );
      const data = Buffer.from('proof');
      const signature = await subtle.sign(SIGNING_ALGORITHM, key, data);
      const publicKey = await new x509.X509Certificate(issued.certPem).publicKey.export();
      expect(await subtle.verify(SIGNING_ALGORITHM, publicKey, signature, data)).toBe(true);
      expect(sanOf(new x509.X509Certificate(issued.certPem))).toEqual(['dns:m1', 'ip:127.0.0.1']);
    });
  });

  describe(readIdentity.name, () => {
    it('should read node id, role, cluster and expiry', async () => {
      const certPem = await signNodeCertificate(ca, workerCsr.csrPem, worker);
      expect(readIdentity(certPem)).toEqual({
        nodeId: 'w1',
        role: 'worker',
        clusterId: 'cluster-a',
        notAfter: new Date(now.getTime() + 90 * DAY_MS),
      });
    });

    it('should read the same from DER', async () => {
      const certPem = await signNodeCertificate(ca, workerCsr.csrPem, worker);
      const der = Buffer.from(new x509.X509Certificate(certPem).rawData);
      expect(readIdentityFromDer(der)).toEqual(readIdentity(certPem));
    });

    it('should refuse a certificate that is not a node certificate', () => {
      expect(() => readIdentity(ca.certPem)).toThrow(expect.objectContaining({ code: 'bad-identity' }));
    });

    it('should refuse bytes that are not a certificate', () => {
      expect(() => readIdentityFromDer(Buffer.from('junk'))).toThrow(
        expect.objectContaining({ code: 'bad-certificate' }),
      );
    });
  });

  describe(verifyCertificateChain.name, () => {
    let certPem: string;

    beforeAll(async () => {
      certPem = await signNodeCertificate(ca, workerCsr.csrPem, { ...worker, validityDays: 10 });
    });

    it('should accept a certificate of the CA within its validity', async () => {
      expect(await verifyCertificateChain(certPem, ca.certPem, now)).toBe(true);
    });

    it('should refuse another cluster’s CA', async () => {
      expect(await verifyCertificateChain(certPem, otherCa.certPem, now)).toBe(false);
    });

    it('should refuse a CA with the same name but another key (an impostor)', async () => {
      const impostor = await createClusterCa('cluster-a', now);
      expect(await verifyCertificateChain(certPem, impostor.certPem, now)).toBe(false);
    });

    it('should refuse outside the validity window', async () => {
      const expired = new Date(now.getTime() + 11 * DAY_MS);
      const early = new Date(now.getTime() - 2 * DAY_MS);
      expect(await verifyCertificateChain(certPem, ca.certPem, expired)).toBe(false);
      expect(await verifyCertificateChain(certPem, ca.certPem, early)).toBe(false);
    });

    it('should refuse a leaf posing as the CA', async () => {
      expect(await verifyCertificateChain(certPem, certPem, now)).toBe(false);
    });

    it('should throw on input that is not a certificate', async () => {
      await expect(verifyCertificateChain('junk', ca.certPem, now)).rejects.toMatchObject({
        code: 'bad-certificate',
      });
    });
  });
});

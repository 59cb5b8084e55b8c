import { createClusterCa, ClusterCa, loadCa } from './ca';
import { TrustError } from './errors';
import {
  createDataKey,
  sealWithKey,
  sealWithPassphrase,
  unsealWithKey,
  unsealWithPassphrase,
} from './sealed';

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(TrustError);
    return (err as TrustError).code;
  }
}

describe('sealed CA key', () => {
  let ca: ClusterCa;
  let blob: string;

  beforeAll(async () => {
    ca = await createClusterCa('cluster-a');
    blob = await sealWithPassphrase(ca.keyPem, 'correct horse');
  });

  describe(sealWithPassphrase.name, () => {
    it('should produce JSON that names its cipher parameters and hides the key', () => {
      const sealed = JSON.parse(blob);
      expect(sealed).toMatchObject({ v: 1, kdf: 'scrypt', N: 32768, r: 8, p: 1 });
      expect(blob).not.toContain('PRIVATE KEY');
      expect(blob).not.toContain(ca.keyPem.split('\n')[1]);
    });

    it('should use a fresh salt and IV each time', async () => {
      const again = JSON.parse(await sealWithPassphrase(ca.keyPem, 'correct horse'));
      const first = JSON.parse(blob);
      expect(again.salt).not.toBe(first.salt);
      expect(again.iv).not.toBe(first.iv);
    });

    it('should refuse an empty passphrase', async () => {
      expect(await codeOf(sealWithPassphrase(ca.keyPem, ''))).toBe('bad-passphrase');
    });
  });

  describe(unsealWithPassphrase.name, () => {
    it('should give back the key, usable to sign with the CA', async () => {
      const keyPem = await unsealWithPassphrase(blob, 'correct horse');
      expect(keyPem).toBe(ca.keyPem);
      await expect(loadCa({ certPem: ca.certPem, keyPem })).resolves.toMatchObject({
        clusterId: 'cluster-a',
      });
    });

    it('should refuse a wrong passphrase with bad-passphrase', async () => {
      expect(await codeOf(unsealWithPassphrase(blob, 'wrong horse'))).toBe('bad-passphrase');
    });

    it('should refuse tampered ciphertext', async () => {
      const sealed = JSON.parse(blob);
      const data = Buffer.from(sealed.data, 'base64');
      data[0] ^= 1;
      const tampered = JSON.stringify({ ...sealed, data: data.toString('base64') });
      expect(await codeOf(unsealWithPassphrase(tampered, 'correct horse'))).toBe('bad-passphrase');
    });

    it.each([
      ['not JSON', () => 'nope'],
      ['null', () => 'null'],
      ['another version', (b: string) => JSON.stringify({ ...JSON.parse(b), v: 2 })],
      ['a cost that is not a power of two', (b: string) => JSON.stringify({ ...JSON.parse(b), N: 1000 })],
      ['an unaffordable cost', (b: string) => JSON.stringify({ ...JSON.parse(b), N: 2 ** 24 })],
      ['a short IV', (b: string) => JSON.stringify({ ...JSON.parse(b), iv: 'AAAA' })],
    ])('should refuse %s with bad-sealed-key', async (_what, corrupt) => {
      expect(await codeOf(unsealWithPassphrase(corrupt(blob), 'correct horse'))).toBe('bad-sealed-key');
    });
  });
});

describe('sealed with a data key (secrets)', () => {
  const key = createDataKey();
  const secret = Buffer.from('s3cr3t\n\x00binary\xff', 'latin1');

  it('should give back the content, and hide it', () => {
    const blob = sealWithKey(secret, key);
    expect(blob).not.toContain('s3cr3t');
    expect(unsealWithKey(blob, key)).toEqual(secret);
  });

  it('should use a fresh IV each time', () => {
    expect(JSON.parse(sealWithKey(secret, key)).iv).not.toBe(JSON.parse(sealWithKey(secret, key)).iv);
  });

  it('should refuse another key, a tampered blob, and a malformed key', async () => {
    const blob = sealWithKey(secret, key);
    expect(await codeOf(Promise.resolve().then(() => unsealWithKey(blob, createDataKey())))).toBe('bad-key');
    const sealed = JSON.parse(blob);
    const tampered = JSON.stringify({ ...sealed, tag: Buffer.alloc(16).toString('base64') });
    expect(await codeOf(Promise.resolve().then(() => unsealWithKey(tampered, key)))).toBe('bad-key');
    expect(await codeOf(Promise.resolve().then(() => unsealWithKey('nope', key)))).toBe('bad-sealed-key');
    expect(await codeOf(Promise.resolve().then(() => sealWithKey(secret, 'c2hvcnQ=')))).toBe('bad-key');
  });
});

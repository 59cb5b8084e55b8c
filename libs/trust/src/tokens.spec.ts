import * as crypto from 'node:crypto';
import { createClusterCa, ClusterCa } from './ca';
import { TrustError } from './errors';
import { caDigestOf, createJoinToken, parseJoinToken, tokenMatches, verifyCaDigest } from './tokens';

// A pass-through mock, so the test can see what the comparison is given.
jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

const TOKEN_SHAPE = /^BTHTKN-1-[0-9a-z]{50}-[0-9a-z]{25}$/;

describe('join tokens', () => {
  let ca: ClusterCa;
  let otherCa: ClusterCa;

  beforeAll(async () => {
    ca = await createClusterCa('cluster-a');
    otherCa = await createClusterCa('cluster-b');
  });

  describe(createJoinToken.name, () => {
    it('should have the BTHTKN-1-<digest>-<secret> shape', () => {
      expect(createJoinToken(ca.certPem)).toMatch(TOKEN_SHAPE);
    });

    it('should keep the CA digest and draw a new secret on each call (rotation)', () => {
      const first = parseJoinToken(createJoinToken(ca.certPem));
      const second = parseJoinToken(createJoinToken(ca.certPem));
      expect(second.caDigest).toBe(first.caDigest);
      expect(second.secret).not.toBe(first.secret);
    });
  });

  describe(caDigestOf.name, () => {
    it('should be the SHA-256 of the CA certificate DER in base 36, 50 characters', () => {
      const der = new crypto.X509Certificate(ca.certPem).raw;
      const hex = crypto.createHash('sha256').update(der).digest('hex');
      const expected = BigInt(`0x${hex}`).toString(36).padStart(50, '0');
      expect(caDigestOf(ca.certPem)).toBe(expected);
    });

    it('should differ between clusters', () => {
      expect(caDigestOf(ca.certPem)).not.toBe(caDigestOf(otherCa.certPem));
    });

    it('should refuse something that is not a certificate', () => {
      expect(() => caDigestOf('nonsense')).toThrow(expect.objectContaining({ code: 'bad-certificate' }));
    });
  });

  describe(parseJoinToken.name, () => {
    it('should split a token into CA digest and secret', () => {
      const token = createJoinToken(ca.certPem);
      const { caDigest, secret } = parseJoinToken(token);
      expect(caDigest).toBe(caDigestOf(ca.certPem));
      expect(token).toBe(`BTHTKN-1-${caDigest}-${secret}`);
    });

    const valid = `BTHTKN-1-${'a'.repeat(50)}-${'b'.repeat(25)}`;
    it.each([
      ['empty', ''],
      ['a Swarm token', valid.replace('BTHTKN', 'SWMTKN')],
      ['another version', valid.replace('-1-', '-2-')],
      ['a short digest', `BTHTKN-1-${'a'.repeat(49)}-${'b'.repeat(25)}`],
      ['a long secret', `${valid}b`],
      ['upper case', valid.toUpperCase()],
      ['a trailing newline', `${valid}\n`],
      ['a missing secret', `BTHTKN-1-${'a'.repeat(50)}`],
    ])('should refuse %s with bad-token-format', (_what, token) => {
      let error: unknown;
      try {
        parseJoinToken(token);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(TrustError);
      expect(error).toMatchObject({ code: 'bad-token-format' });
      expect((error as Error).message).toMatch(/^invalid join token: expected BTHTKN-1-/);
    });
  });

  describe(verifyCaDigest.name, () => {
    it('should accept the CA the token was made for', () => {
      expect(verifyCaDigest(ca.certPem, createJoinToken(ca.certPem))).toBe(true);
    });

    it("should refuse another cluster's CA (a manager that is not the one the token names)", () => {
      expect(verifyCaDigest(otherCa.certPem, createJoinToken(ca.certPem))).toBe(false);
    });

    it('should throw on a malformed token rather than answer', () => {
      expect(() => verifyCaDigest(ca.certPem, 'BTHTKN-1-nope')).toThrow(TrustError);
    });
  });

  describe(tokenMatches.name, () => {
    it('should match the same token', () => {
      const token = createJoinToken(ca.certPem);
      expect(tokenMatches(token, `${token}`)).toBe(true);
    });

    it('should not match a rotated token', () => {
      expect(tokenMatches(createJoinToken(ca.certPem), createJoinToken(ca.certPem))).toBe(false);
    });

    it('should answer false, not throw, for tokens of different lengths', () => {
      expect(tokenMatches('short', createJoinToken(ca.certPem))).toBe(false);
    });

    it('should compare in constant time over equal-length digests', () => {
      const timingSafeEqual = jest.mocked(crypto.timingSafeEqual);
      timingSafeEqual.mockClear();
      tokenMatches('short', createJoinToken(ca.certPem));
      expect(timingSafeEqual).toHaveBeenCalledTimes(1);
      const [a, b] = timingSafeEqual.mock.calls[0] as [Buffer, Buffer];
      expect([a.length, b.length]).toEqual([32, 32]);
    });
  });
});

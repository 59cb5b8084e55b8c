import * as crypto from 'node:crypto';
import {
  cookieValue,
  decideAccess,
  newToken,
  pagePolicy,
  tokenCookie,
  tokenOfFile,
  TOKEN_COOKIE,
  type AccessRequest,
} from './access';

const TOKEN = 'kU3o9-secret_token';

function ask(over: Partial<AccessRequest>) {
  return decideAccess({ url: '/', certificate: 'none', ...over }, TOKEN);
}

describe('dashboard access', () => {
  describe(decideAccess.name, () => {
    it('should admit a manager certificate of the cluster without a token', () => {
      expect(ask({ certificate: { role: 'manager' } })).toEqual({ admit: true, via: 'certificate' });
    });

    it('should refuse a worker certificate, even with the token', () => {
      const decision = ask({ certificate: { role: 'worker' }, authorization: `Bearer ${TOKEN}` });
      expect(decision).toEqual({ admit: false, why: expect.stringMatching(/worker certificate/) });
    });

    it('should admit the bearer token in the Authorization header, and refuse another', () => {
      expect(ask({ authorization: `Bearer ${TOKEN}` })).toEqual({ admit: true, via: 'header' });
      expect(ask({ authorization: `bearer ${TOKEN}` })).toEqual({ admit: true, via: 'header' });
      expect(ask({ authorization: `Bearer ${TOKEN}x` })).toEqual({ admit: false, why: 'wrong bearer token' });
      // a wrong header is not rescued by a right cookie: the caller meant the header
      expect(ask({ authorization: 'Bearer no', cookie: `${TOKEN_COOKIE}=${TOKEN}` }).admit).toBe(false);
    });

    it('should trade the token in the URL for the cookie, sending the browser to the URL without it', () => {
      expect(ask({ url: `/?token=${TOKEN}` })).toEqual({
        admit: true,
        via: 'url',
        setCookie: tokenCookie(TOKEN),
        location: '/',
      });
      expect(ask({ url: `/api/view?x=1&token=${encodeURIComponent(TOKEN)}&y=2` })).toMatchObject({
        location: '/api/view?x=1&y=2',
      });
    });

    it('should refuse a wrong token in the URL, even with a right cookie', () => {
      expect(ask({ url: '/?token=nope', cookie: `${TOKEN_COOKIE}=${TOKEN}` })).toEqual({
        admit: false,
        why: 'wrong token in the URL',
      });
    });

    it('should admit the cookie and refuse a stale one', () => {
      expect(ask({ cookie: `other=1; ${TOKEN_COOKIE}=${TOKEN}` })).toEqual({ admit: true, via: 'cookie' });
      expect(ask({ cookie: `${TOKEN_COOKIE}=old` })).toEqual({ admit: false, why: 'stale cookie' });
    });

    it('should refuse a request with nothing, saying how to get in', () => {
      expect(ask({})).toEqual({
        admit: false,
        why: expect.stringMatching(/^no token: open the page once as \/\?token=/),
      });
      expect(ask({ certificate: 'not-from-this-cluster' })).toEqual({
        admit: false,
        why: expect.stringMatching(/^a certificate not from this cluster's CA, and no token/),
      });
    });

    it('should refuse an empty token whatever the file holds', () => {
      expect(ask({ authorization: 'Bearer ' }).admit).toBe(false);
      expect(ask({ url: '/?token=' }).admit).toBe(false);
    });
  });

  describe(tokenCookie.name, () => {
    it('should keep the token from scripts, plain HTTP and other sites', () => {
      expect(tokenCookie('a b')).toBe(`${TOKEN_COOKIE}=a%20b; Path=/; HttpOnly; Secure; SameSite=Strict`);
    });
  });

  describe(cookieValue.name, () => {
    it('should find a cookie among others, decoded, and nothing in no header', () => {
      expect(cookieValue('a=1; b=x%20y=z; c=3', 'b')).toBe('x y=z');
      expect(cookieValue('ab=1', 'a')).toBeUndefined();
      expect(cookieValue(undefined, 'a')).toBeUndefined();
    });
  });

  describe(tokenOfFile.name, () => {
    it("should take the file's first line, trimmed, and nothing from an empty file", () => {
      expect(tokenOfFile('  abc \nignored\n')).toBe('abc');
      expect(tokenOfFile('\n')).toBeNull();
      expect(tokenOfFile('')).toBeNull();
    });
  });

  describe(newToken.name, () => {
    it('should make a different URL-safe token of 32 random bytes each time', () => {
      const [a, b] = [newToken(), newToken()];
      expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(a).not.toBe(b);
    });
  });

  describe(pagePolicy.name, () => {
    const digest = (text: string) => `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`;

    it('should let run only the inline scripts of the page, by their digest', () => {
      const policy = pagePolicy('<p>x</p><script>\nconst a = 1;\n</script><script>b()</script>');
      expect(policy).toContain(`script-src ${digest('\nconst a = 1;\n')} ${digest('b()')};`);
      expect(policy).toMatch(/^default-src 'none'; /);
      expect(policy).toContain("connect-src 'self'");
    });

    it('should let no script run in a page without one', () => {
      expect(pagePolicy('<p>x</p>')).toContain("script-src 'none';");
    });
  });
});

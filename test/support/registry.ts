/**
 * Debian's docker-registry (distribution 2.8), started for a test on a free
 * loopback port with its own storage, optionally behind htpasswd Basic auth
 * or Bearer tokens from a small token server of the test's own. Stopped by
 * the pid we started.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TestRegistry {
  /** host:port, e.g. 127.0.0.1:41234 */
  host: string;
  dir: string;
  user: string;
  password: string;
  /** Token requests the token server answered (token mode). */
  tokenRequests: string[];
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForHttp(url: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 15000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`docker-registry exited (${child.exitCode}): ${fs.readFileSync(log, 'utf8')}`);
    const ok = await new Promise<boolean>((resolve) => {
      http
        .get(url, (res) => {
          res.resume();
          resolve(res.statusCode === 200 || res.statusCode === 401);
        })
        .on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline)
      throw new Error(`docker-registry did not answer on ${url}: ${fs.readFileSync(log, 'utf8')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/** A token server as distribution's token auth expects: RS256 JWTs with the signing certificate in x5c. */
function startTokenServer(
  dir: string,
  user: string,
  password: string,
  service: string,
  issuer: string,
  seen: string[],
): Promise<{ server: http.Server; port: number; cert: string }> {
  const key = path.join(dir, 'token.key');
  const cert = path.join(dir, 'token.crt');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=berth-test-token',
    ],
    { stdio: 'ignore' },
  );
  const privateKey = crypto.createPrivateKey(fs.readFileSync(key));
  const der = new crypto.X509Certificate(fs.readFileSync(cert)).raw;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push(url.search);
    const auth = req.headers.authorization ?? '';
    if (auth !== `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`) {
      res.writeHead(401).end('{"details":"bad credentials"}');
      return;
    }
    const access = url.searchParams.getAll('scope').map((scope) => {
      const [type, name, actions] = scope.split(':');
      return { type, name, actions: actions.split(',') };
    });
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', x5c: [der.toString('base64')] }));
    const claims = b64url(
      JSON.stringify({
        iss: issuer,
        sub: user,
        aud: service,
        exp: now + 300,
        nbf: now - 10,
        iat: now,
        jti: crypto.randomUUID(),
        access,
      }),
    );
    const signature = crypto.sign('sha256', Buffer.from(`${header}.${claims}`), privateKey);
    res
      .writeHead(200, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ token: `${header}.${claims}.${b64url(signature)}`, expires_in: 300 }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, port: (server.address() as net.AddressInfo).port, cert }),
    ),
  );
}

export async function startRegistry(options: { auth?: 'htpasswd' | 'token' } = {}): Promise<TestRegistry> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-registry-'));
  const port = await freePort();
  const user = 'berth';
  const password = `pw-${crypto.randomBytes(4).toString('hex')}`;
  const tokenRequests: string[] = [];
  let tokenServer: http.Server | undefined;
  let auth = '';
  if (options.auth === 'htpasswd') {
    const htpasswd = execFileSync('htpasswd', ['-Bbn', user, password], { encoding: 'utf8' });
    fs.writeFileSync(path.join(dir, 'htpasswd'), htpasswd);
    auth = `auth:\n  htpasswd:\n    realm: berth-test\n    path: ${path.join(dir, 'htpasswd')}\n`;
  } else if (options.auth === 'token') {
    const t = await startTokenServer(
      dir,
      user,
      password,
      'berth-test-registry',
      'berth-test-issuer',
      tokenRequests,
    );
    tokenServer = t.server;
    auth = `auth:\n  token:\n    realm: http://127.0.0.1:${t.port}/token\n    service: berth-test-registry\n    issuer: berth-test-issuer\n    rootcertbundle: ${t.cert}\n`;
  }
  const config = path.join(dir, 'config.yml');
  fs.mkdirSync(path.join(dir, 'storage'));
  fs.writeFileSync(
    config,
    `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${path.join(dir, 'storage')}\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:${port}\n${auth}`,
  );
  const log = path.join(dir, 'registry.log');
  const out = fs.openSync(log, 'a');
  const child = spawn('docker-registry', ['serve', config], { stdio: ['ignore', out, out] });
  fs.closeSync(out);
  await waitForHttp(`http://127.0.0.1:${port}/v2/`, child, log);
  return {
    host: `127.0.0.1:${port}`,
    dir,
    user,
    password,
    tokenRequests,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      tokenServer?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

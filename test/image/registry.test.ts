/** Pull and push against Debian's docker-registry, started for these tests. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import {
  AuthenticationError,
  DigestMismatchError,
  Images,
  RegistryError,
  RegistryUnreachableError,
  type ProgressEvent,
} from '@berth/image';
import { RuntimeHarness, sharedBusyboxRootfs, startRegistry, type TestRegistry } from '@berth/testing';

let tmp: string;
let registry: TestRegistry;
const opened: Images[] = [];

function store(name: string): Images {
  const images = Images.open({
    root: path.join(tmp, name),
    credentialsFile: path.join(tmp, name, 'config.json'),
  });
  opened.push(images);
  return images;
}

function busyboxTar(): Readable {
  return Readable.from(
    execFileSync('tar', ['-C', sharedBusyboxRootfs(), '-cf', '-', '.'], { maxBuffer: 64 << 20 }),
  );
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-registry-test-'));
  registry = await startRegistry();
});
afterAll(async () => {
  for (const i of opened) i.close();
  await registry.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('push and pull', () => {
  it('should push an image, pull it into another store with the same digest, and run it', async () => {
    const a = store('a');
    const name = `${registry.host}/test/busybox:1`;
    const imported = await a.import(busyboxTar(), { reference: name, config: { Cmd: ['sh'] } });
    const events: ProgressEvent[] = [];
    const pushed = await a.push(name, { onProgress: (e) => events.push(e) });
    expect(pushed.digest).toBe(imported.manifestDigest);
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['Preparing', 'Pushed']));

    const b = store('b');
    const pulled = await b.pull(name);
    expect(pulled.manifestDigest).toBe(pushed.digest);
    expect(pulled.configDigest).toBe(imported.configDigest);
    expect(b.list().map((r) => [r.repository, r.tag])).toEqual([[`${registry.host}/test/busybox`, '1']]);
    expect(b.inspect(name)).toMatchObject({
      RepoDigests: [`${registry.host}/test/busybox@${pushed.digest}`],
      Config: { Cmd: ['sh'] },
    });

    const h = RuntimeHarness.open('pulled');
    try {
      const r = await h.run(
        { args: ['sh', '-c', 'echo pulled and running; ls /bin/busybox'] },
        'pulled',
        await b.lowerDirs(pulled),
      );
      expect(r.stdout).toBe('pulled and running\n/bin/busybox\n');
    } finally {
      await h.cleanup();
    }
  });

  it('should skip blobs the registry has, and mount blobs it holds in another repository', async () => {
    const a = store('a');
    const name = `${registry.host}/test/busybox:1`;
    const again: ProgressEvent[] = [];
    await a.push(name, { onProgress: (e) => again.push(e) });
    expect(again.filter((e) => e.action === 'Layer already exists')).toHaveLength(1);
    expect(again.some((e) => e.action === 'Pushing')).toBe(false);

    a.tag(name, `${registry.host}/other/copy:v1`);
    const mounted: ProgressEvent[] = [];
    await a.push(`${registry.host}/other/copy:v1`, { onProgress: (e) => mounted.push(e) });
    expect(mounted.find((e) => e.action === 'Mounted')).toMatchObject({ detail: 'test/busybox' });
  });

  it('should upload in chunks when asked, and list and delete tags', async () => {
    const a = store('chunks');
    const name = `${registry.host}/test/chunked:c1`;
    const image = await a.import(busyboxTar(), { reference: name });
    await a.push(name, { chunkSize: 256 * 1024 });
    const repo = { domain: registry.host, path: 'test/chunked' };
    expect(await a.registry.listTags(repo)).toEqual(['c1']);
    const pulled = await store('chunks-back').pull(name, { unpack: false });
    expect(pulled.manifestDigest).toBe(image.manifestDigest);
    await a.registry.deleteManifest(repo, image.manifestDigest);
    await expect(store('after-delete').pull(name)).rejects.toThrow(RegistryError);
  });

  it('should say so when the image does not exist', async () => {
    const error = await store('missing')
      .pull(`${registry.host}/test/nothing:here`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).status).toBe(404);
    expect((error as Error).message).toContain('no here in');
  });

  it('should refuse a corrupted blob and keep nothing of it', async () => {
    const a = store('corrupt-src');
    const name = `${registry.host}/test/corrupt:1`;
    const image = await a.import(busyboxTar(), { reference: name });
    await a.push(name);
    const layer = image.layers[0].blob.slice(7);
    const data = path.join(
      registry.dir,
      'storage/docker/registry/v2/blobs/sha256',
      layer.slice(0, 2),
      layer,
      'data',
    );
    const bytes = fs.readFileSync(data);
    bytes[bytes.length >> 1] ^= 0xff;
    fs.writeFileSync(data, bytes);

    const b = store('corrupt-dst');
    await expect(b.pull(name)).rejects.toThrow(DigestMismatchError);
    expect(b.blobs.has(image.layers[0].blob)).toBe(false);
    expect(b.layers.has(image.layers[0].chainId)).toBe(false);
    expect(b.list()).toEqual([]);
  });

  it('should explain an unreachable registry', async () => {
    const error = await store('unreachable')
      .pull('127.0.0.1:1/x/y:z')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryUnreachableError);
    expect((error as Error).message).toBe(
      'cannot reach registry 127.0.0.1:1 (ECONNREFUSED): nothing listens there; is the registry running on that port?',
    );
  });
});

describe('authentication', () => {
  it('should use Basic credentials saved by login, and refuse without them', async () => {
    const secured = await startRegistry({ auth: 'htpasswd' });
    try {
      const a = store('basic');
      const name = `${secured.host}/private/app:1`;
      await a.import(busyboxTar(), { reference: name });
      await expect(a.push(name)).rejects.toThrow(AuthenticationError);
      await expect(a.push(name)).rejects.toThrow(`run \`berth login ${secured.host}\``);
      await expect(a.login(secured.host, { username: secured.user, password: 'wrong' })).rejects.toThrow(
        AuthenticationError,
      );
      expect(fs.existsSync(path.join(tmp, 'basic', 'config.json'))).toBe(false);
      await a.login(secured.host, { username: secured.user, password: secured.password });
      const saved = JSON.parse(fs.readFileSync(path.join(tmp, 'basic', 'config.json'), 'utf8'));
      expect(Buffer.from(saved.auths[secured.host].auth, 'base64').toString()).toBe(
        `${secured.user}:${secured.password}`,
      );
      const pushed = await a.push(name);
      expect((await a.pull(name)).manifestDigest).toBe(pushed.digest);
    } finally {
      await secured.stop();
    }
  });

  it('should follow the Bearer token flow from WWW-Authenticate', async () => {
    const secured = await startRegistry({ auth: 'token' });
    try {
      const a = store('bearer');
      const name = `${secured.host}/team/app:1`;
      await a.import(busyboxTar(), { reference: name });
      await expect(a.push(name)).rejects.toThrow(AuthenticationError);
      await a.login(secured.host, { username: secured.user, password: secured.password });
      const pushed = await a.push(name);
      const b = store('bearer-pull');
      await b.login(secured.host, { username: secured.user, password: secured.password });
      expect((await b.pull(name)).manifestDigest).toBe(pushed.digest);
      expect(
        secured.tokenRequests.some((q) => q.includes('scope=repository%3Ateam%2Fapp%3Apull%2Cpush')),
      ).toBe(true);
      expect(secured.tokenRequests.some((q) => q.includes('service=berth-test-registry'))).toBe(true);
    } finally {
      await secured.stop();
    }
  });
});

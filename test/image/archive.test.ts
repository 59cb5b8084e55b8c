/** save, load and import in both formats, and interop with skopeo both ways. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CorruptContentError, Images } from '@berth/image';
import { sharedBusyboxRootfs, startRegistry, type TestRegistry } from '@berth/testing';

let tmp: string;
let registry: TestRegistry;
const opened: Images[] = [];
const SKOPEO = ['--insecure-policy'];

function store(name: string): Images {
  const images = Images.open({ root: path.join(tmp, name) });
  opened.push(images);
  return images;
}

function busyboxTar(): Readable {
  return Readable.from(
    execFileSync('tar', ['-C', sharedBusyboxRootfs(), '-czf', '-', '.'], { maxBuffer: 64 << 20 }),
  );
}

async function saveTo(images: Images, names: string[], format: 'oci' | 'docker'): Promise<string> {
  const file = path.join(tmp, `${format}-${Date.now()}-${Math.random().toString(36).slice(2)}.tar`);
  await pipeline(images.save(names, format), fs.createWriteStream(file));
  return file;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-archive-test-'));
  registry = await startRegistry();
});
afterAll(async () => {
  for (const i of opened) i.close();
  await registry.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('import', () => {
  it('should make a one-layer image from a gzipped rootfs tarball, with its settings and history', async () => {
    const a = store('import');
    const image = await a.import(busyboxTar(), {
      reference: 'example/bb:1',
      config: { Cmd: ['sh'], Env: ['A=1'] },
      message: 'from tar',
    });
    expect(image.layers).toHaveLength(1);
    expect(a.inspect('example/bb:1')).toMatchObject({
      Id: image.configDigest,
      RepoTags: ['example/bb:1'],
      Config: { Cmd: ['sh'], Env: ['A=1'] },
      Os: 'linux',
    });
    expect(a.history('example/bb:1')).toEqual([
      expect.objectContaining({ id: image.configDigest, createdBy: 'berth import', comment: 'from tar' }),
    ]);
    expect(fs.existsSync(path.join((await a.lowerDirs(image))[0], 'bin/busybox'))).toBe(true);
  });
});

describe('save and load', () => {
  it('should round-trip the docker save format, keeping the image id and tags', async () => {
    const a = store('docker-src');
    const image = await a.import(busyboxTar(), { reference: 'example/bb:dock' });
    const file = await saveTo(a, ['example/bb:dock'], 'docker');
    const listing = execFileSync('tar', ['-tf', file], { encoding: 'utf8' }).split('\n');
    expect(listing).toEqual(
      expect.arrayContaining([
        'manifest.json',
        'repositories',
        `${image.configDigest.slice(7)}.json`,
        `${image.layers[0].diffId.slice(7)}/layer.tar`,
      ]),
    );
    const manifest = JSON.parse(execFileSync('tar', ['-xOf', file, 'manifest.json'], { encoding: 'utf8' }));
    expect(manifest).toEqual([
      {
        Config: `${image.configDigest.slice(7)}.json`,
        RepoTags: ['example/bb:dock'],
        Layers: [`${image.layers[0].diffId.slice(7)}/layer.tar`],
      },
    ]);

    const b = store('docker-dst');
    const loaded = await b.load(fs.createReadStream(file));
    expect(loaded.loaded).toEqual(['example/bb:dock']);
    expect(b.resolve('example/bb:dock').configDigest).toBe(image.configDigest);
  });

  it('should round-trip the OCI layout, keeping the manifest digest', async () => {
    const a = store('oci-src');
    const image = await a.import(busyboxTar(), { reference: 'example/bb:oci' });
    const file = await saveTo(a, ['example/bb:oci'], 'oci');
    const b = store('oci-dst');
    const loaded = await b.load(fs.createReadStream(file));
    expect(loaded.loaded).toEqual(['example/bb:oci']);
    expect(b.resolve('example/bb:oci').manifestDigest).toBe(image.manifestDigest);
  });

  it("should be read by skopeo: Berth's OCI layout and docker archive", async () => {
    const a = store('to-skopeo');
    const image = await a.import(busyboxTar(), { reference: 'example/bb:sk' });
    const oci = await saveTo(a, ['example/bb:sk'], 'oci');
    const inspected = JSON.parse(
      execFileSync('skopeo', [...SKOPEO, 'inspect', '--raw', `oci-archive:${oci}:sk`], { encoding: 'utf8' }),
    );
    expect(inspected.config.digest).toBe(image.configDigest);
    const docker = await saveTo(a, ['example/bb:sk'], 'docker');
    const fromDocker = JSON.parse(
      execFileSync('skopeo', [...SKOPEO, 'inspect', '--config', `docker-archive:${docker}`], {
        encoding: 'utf8',
      }),
    );
    expect(fromDocker.rootfs.diff_ids).toEqual([image.layers[0].diffId]);
  });

  it('should load what skopeo writes and pull what skopeo pushes', async () => {
    const a = store('skopeo-seed');
    const image = await a.import(busyboxTar(), { reference: 'example/bb:seed' });
    const seed = await saveTo(a, ['example/bb:seed'], 'oci');
    // skopeo pushes Berth's layout to the registry, and writes its own layout from there
    execFileSync('skopeo', [
      ...SKOPEO,
      'copy',
      '-q',
      '--dest-tls-verify=false',
      `oci-archive:${seed}:seed`,
      `docker://${registry.host}/skopeo/bb:1`,
    ]);
    const skopeoLayout = path.join(tmp, 'skopeo-layout.tar');
    execFileSync('skopeo', [
      ...SKOPEO,
      'copy',
      '-q',
      '--src-tls-verify=false',
      `docker://${registry.host}/skopeo/bb:1`,
      `oci-archive:${skopeoLayout}:localhost/from-skopeo:1`,
    ]);

    const b = store('from-skopeo');
    const pulled = await b.pull(`${registry.host}/skopeo/bb:1`);
    expect(pulled.configDigest).toBe(image.configDigest);
    const loaded = await store('from-skopeo-archive').load(fs.createReadStream(skopeoLayout));
    expect(loaded.loaded).toEqual(['localhost/from-skopeo:1']);
    expect(loaded.images[0].configDigest).toBe(image.configDigest);

    // and skopeo copies what Berth pushed
    await a.push(`${registry.host}/berth/bb:1`).catch(async () => {
      a.tag('example/bb:seed', `${registry.host}/berth/bb:1`);
      await a.push(`${registry.host}/berth/bb:1`);
    });
    const out = path.join(tmp, 'skopeo-dir');
    execFileSync('skopeo', [
      ...SKOPEO,
      'copy',
      '-q',
      '--src-tls-verify=false',
      `docker://${registry.host}/berth/bb:1`,
      `oci:${out}:x`,
    ]);
    const index = JSON.parse(fs.readFileSync(path.join(out, 'index.json'), 'utf8'));
    expect(index.manifests[0].digest).toBe(image.manifestDigest);
  });

  it('should refuse an archive whose blob does not match its digest, and keep nothing', async () => {
    const a = store('corrupt-archive');
    const image = await a.import(busyboxTar(), { reference: 'example/bb:bad' });
    const file = await saveTo(a, ['example/bb:bad'], 'oci');
    const dir = path.join(tmp, 'unpacked-archive');
    fs.mkdirSync(dir);
    execFileSync('tar', ['-C', dir, '-xf', file]);
    const layerFile = path.join(dir, 'blobs/sha256', image.layers[0].blob.slice(7));
    const bytes = fs.readFileSync(layerFile);
    bytes[100] ^= 0xff;
    fs.writeFileSync(layerFile, bytes);
    const repacked = path.join(tmp, 'repacked.tar');
    execFileSync('tar', ['-C', dir, '-cf', repacked, '.']);
    const b = store('corrupt-archive-dst');
    // gunzip or the digest check, whichever notices first, refuses it
    await expect(b.load(fs.createReadStream(repacked))).rejects.toThrow(CorruptContentError);
    await expect(b.load(fs.createReadStream(repacked))).rejects.toThrow(image.layers[0].blob);
    expect(b.list()).toEqual([]);
    expect(b.blobs.has(image.layers[0].blob)).toBe(false);
    expect(b.layers.list()).toEqual([]);
  });
});

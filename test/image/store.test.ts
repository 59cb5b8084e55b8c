/** Tags, removal, pruning and holders: a layer anything uses is never deleted; what nothing uses goes. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { ImageInUseError, ImageNotFoundError, Images } from '@berth/image';
import { sharedBusyboxRootfs } from '@berth/testing';

let tmp: string;
let images: Images;
let tarball: Buffer;

beforeAll(() => {
  tarball = execFileSync('tar', ['-C', sharedBusyboxRootfs(), '-cf', '-', '.'], { maxBuffer: 64 << 20 });
});
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-store-test-'));
  images = Images.open({ root: tmp });
});
afterEach(() => {
  images.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const importAs = (reference: string, cmd = 'sh') =>
  images.import(Readable.from(tarball), { reference, config: { Cmd: [cmd] } });

it('should untag only while other tags remain, then delete the image and what only it used', async () => {
  const image = await importAs('app:1');
  images.tag('app:1', 'app:2');
  expect(
    images
      .list()
      .map((r) => r.tag)
      .sort(),
  ).toEqual(['1', '2']);
  expect(images.remove('app:1')).toEqual({ untagged: ['app:1'], deleted: [] });
  expect(images.layers.has(image.layers[0].chainId)).toBe(true);
  expect(images.remove('app:2')).toEqual({ untagged: ['app:2'], deleted: [image.configDigest] });
  expect(images.list()).toEqual([]);
  expect(images.layers.list()).toEqual([]);
  expect(images.blobs.list()).toEqual([]);
  expect(() => images.resolve('app:2')).toThrow(ImageNotFoundError);
});

it('should share the layer of two images built on the same content, and keep it while one remains', async () => {
  const first = await importAs('one:1', 'sh');
  const second = await importAs('two:1', 'true');
  expect(first.configDigest).not.toBe(second.configDigest);
  expect(first.layers[0].chainId).toBe(second.layers[0].chainId);
  expect(images.layers.list()).toHaveLength(1);
  images.remove('one:1');
  expect(images.layers.has(second.layers[0].chainId)).toBe(true);
  expect(fs.existsSync(path.join((await images.lowerDirs(second))[0], 'bin/busybox'))).toBe(true);
});

it('should refuse to remove an image a container holds, keep its layers when forced, and let prune take it after release', async () => {
  const image = await importAs('held:1');
  images.hold('container-abc', [image.manifestDigest], [image.layers[0].chainId]);
  expect(() => images.remove('held:1')).toThrow(ImageInUseError);
  expect(() => images.remove('held:1')).toThrow('being used by container-abc');
  expect(images.remove('held:1', { force: true })).toEqual({ untagged: ['held:1'], deleted: [] });
  expect(images.prune({ all: true }).deleted).toEqual([]);
  expect(images.layers.has(image.layers[0].chainId)).toBe(true);
  images.release('container-abc');
  expect(images.prune().deleted).toEqual([image.configDigest]);
  expect(images.layers.list()).toEqual([]);
});

it("should make holds again from a list, as an agent does for its containers when it starts, and keep them as the process's own", async () => {
  const image = await importAs('kept:1');
  images.holdAll([
    { holder: 'container-1', image: image.manifestDigest },
    { holder: 'container-2', image: 'kept:1' },
    { holder: 'container-3', image: 'sha256:' + '0'.repeat(64) }, // its image is gone: skipped
  ]);
  expect(() => images.remove('kept:1')).toThrow('being used by container-1, container-2');
  // the next process holds what its own containers use, and nothing a process before it held
  const reopened = Images.open({ root: tmp });
  try {
    expect(reopened.remove('kept:1', { force: false }).untagged).toEqual(['kept:1']);
  } finally {
    reopened.close();
  }
});

it('should prune only dangling images unless asked for all unused ones', async () => {
  await importAs('keep:1', 'sh');
  const dangling = await importAs('gone:1', 'true');
  images.tag('keep:1', 'gone:1'); // the tag moves; the old image is left dangling
  expect(
    images
      .list()
      .filter((r) => r.repository === '<none>')
      .map((r) => r.id),
  ).toEqual([dangling.configDigest]);
  expect(images.prune().deleted).toEqual([dangling.configDigest]);
  expect(
    images
      .list()
      .map((r) => `${r.repository}:${r.tag}`)
      .sort(),
  ).toEqual(['gone:1', 'keep:1']);
  expect(images.prune({ all: true }).deleted).toHaveLength(1);
  expect(images.list()).toEqual([]);
});

it('should find images by tag, digest reference, and unique id prefix', async () => {
  const image = await importAs('find:me');
  expect(images.resolve('find:me').manifestDigest).toBe(image.manifestDigest);
  expect(images.resolve(`find@${image.manifestDigest}`).manifestDigest).toBe(image.manifestDigest);
  expect(images.resolve(image.configDigest.slice(7, 19)).manifestDigest).toBe(image.manifestDigest);
  expect(images.resolve(image.configDigest).manifestDigest).toBe(image.manifestDigest);
  expect(() => images.resolve('find:nothing')).toThrow('image "find:nothing" not found: pull it first');
});

it('should not count an interrupted unpack as a layer, and clear it on the next start', async () => {
  const image = await importAs('whole:1');
  const chain = image.layers[0].chainId;
  // what a crash mid-unpack leaves: a temp directory with some content and no layer.json in place
  const leftover = path.join(tmp, 'layers', `.tmp-${chain.slice(7)}-999999-deadbeef`);
  fs.mkdirSync(path.join(leftover, 'diff', 'bin'), { recursive: true });
  fs.writeFileSync(path.join(leftover, 'diff', 'bin', 'half'), 'half');
  images.remove('whole:1');
  expect(images.layers.has(chain)).toBe(false);
  const reopened = Images.open({ root: tmp });
  expect(fs.existsSync(leftover)).toBe(false);
  expect(reopened.layers.list()).toEqual([]);
  reopened.close();
});

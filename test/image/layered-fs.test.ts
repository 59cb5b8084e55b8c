/** Reading a root straight from layer directories, as overlayfs would show it. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { extractLayer } from '@berth/image/archive/layer';
import { header, packTar, type PackEntry } from '@berth/image/archive/tar';
import { LayeredFs, lookupId } from '@berth/image/builder/layered-fs';

let tmp: string;
let root: LayeredFs;

const file = (name: string, body: string): PackEntry => ({
  header: header({ name, type: 'file', size: body.length }),
  body: Buffer.from(body),
});
const link = (name: string, target: string): PackEntry => ({
  header: header({ name, type: 'symlink', linkname: target }),
});

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-layeredfs-'));
  const layer = async (name: string, entries: PackEntry[]) => {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir);
    const result = await extractLayer(packTar(entries), dir);
    return { dir, opaqueDirs: new Set(result.opaqueDirs) };
  };
  const base = await layer('base', [
    file('etc/passwd', 'root:x:0:0::/root:/bin/sh\napp:x:1234:4321::/home/app:/bin/sh\n'),
    file('etc/group', 'root:x:0:\nstaff:x:50:\n'),
    file('etc/gone', 'x'),
    file('data/a', 'a'),
    file('data/b', 'b'),
    link('usr/local', '/opt'),
    { header: header({ name: 'opt/', type: 'directory' }) },
    link('loop', 'loop'),
  ]);
  const top = await layer('top', [
    { header: header({ name: 'etc/.wh.gone', type: 'file' }) },
    { header: header({ name: 'data/', type: 'directory' }) },
    { header: header({ name: 'data/.wh..wh..opq', type: 'file' }) },
    file('data/c', 'c'),
    link('escape', '../../../../etc'),
  ]);
  root = new LayeredFs([top, base]);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

it('should hide what a whiteout deletes and what an opaque directory covers', () => {
  expect(root.lookup('etc/gone')).toBeNull();
  expect(root.lookup('etc/passwd')).not.toBeNull();
  expect(root.readdir('data')).toEqual(['c']);
  expect(root.lookup('data/a')).toBeNull();
  expect(root.readdir('etc')).toEqual(['group', 'passwd']);
});

it('should resolve symlinks inside the root and never out of it', () => {
  expect(root.resolve('usr/local/bin')).toBe('opt/bin');
  expect(root.resolve('escape/passwd')).toBe('etc/passwd'); // "../.." stops at the root
  expect(root.resolve('usr/local', true)).toBe('usr/local');
  expect(() => root.resolve('loop/x')).toThrow('too many levels of symbolic links');
});

it('should read users and groups from the image', () => {
  expect(lookupId(root, 'passwd', 'app')).toBe(1234);
  expect(lookupId(root, 'group', 'staff')).toBe(50);
  expect(lookupId(root, 'passwd', '77')).toBe(77);
  expect(lookupId(root, 'passwd', 'nobody')).toBeNull();
});

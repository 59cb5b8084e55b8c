/** Layer tars to overlay lower dirs and back, on the real filesystem, and the view a container gets from them. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyFsOps } from '@berth/runtime';
import { extractLayer, findOpaqueDirs, layerEntries } from '@berth/image/archive/layer';
import { header, packTar, type PackEntry } from '@berth/image/archive/tar';
import { RuntimeHarness } from '@berth/testing';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-layer-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const file = (name: string, body: string, extra: Partial<PackEntry['header']> = {}): PackEntry => ({
  header: header({ name, type: 'file', size: Buffer.byteLength(body), ...extra }),
  body: Buffer.from(body),
});

async function extract(entries: PackEntry[], into: string) {
  fs.mkdirSync(into, { recursive: true });
  return extractLayer(packTar(entries), into);
}

const xattr = async (p: string, name: string) =>
  (await applyFsOps([{ op: 'getxattr', path: p, name }]))[0]?.toString() ?? null;

describe('extractLayer', () => {
  it('should write files with their owner, mode and time, and links of both kinds', async () => {
    const out = path.join(dir, 'l');
    const result = await extract(
      [
        { header: header({ name: 'usr/', type: 'directory', mode: 0o750, uid: 5, gid: 6, mtime: 1000 }) },
        file('usr/bin/tool', '#!/bin/sh\n', { mode: 0o4755, uid: 1000, gid: 1000, mtime: 2000 }),
        { header: header({ name: 'usr/bin/alias', type: 'link', linkname: 'usr/bin/tool' }) },
        { header: header({ name: 'usr/bin/soft', type: 'symlink', linkname: 'tool', uid: 7, gid: 7 }) },
        { header: header({ name: 'dev/zero', type: 'char', devmajor: 1, devminor: 5, mode: 0o666 }) },
      ],
      out,
    );
    expect(result).toMatchObject({ entries: 5, whiteouts: 0, size: 10 });
    const tool = fs.statSync(path.join(out, 'usr/bin/tool'));
    expect([tool.uid, tool.gid, tool.mode & 0o7777, tool.mtimeMs]).toEqual([1000, 1000, 0o4755, 2000000]);
    expect(fs.statSync(path.join(out, 'usr/bin/alias')).ino).toBe(tool.ino);
    expect(fs.readlinkSync(path.join(out, 'usr/bin/soft'))).toBe('tool');
    expect(fs.lstatSync(path.join(out, 'usr/bin/soft')).uid).toBe(7);
    const usr = fs.statSync(path.join(out, 'usr'));
    expect([usr.uid, usr.gid, usr.mode & 0o7777, usr.mtimeMs]).toEqual([5, 6, 0o750, 1000000]);
    const zero = fs.statSync(path.join(out, 'dev/zero'));
    expect(zero.isCharacterDevice()).toBe(true);
    expect(zero.rdev).toBe(0x105);
  });

  it('should turn whiteouts into char 0/0 devices and opaque markers into the overlay xattr', async () => {
    const out = path.join(dir, 'l');
    const result = await extract(
      [
        { header: header({ name: 'etc/.wh.passwd', type: 'file' }) },
        { header: header({ name: 'var/cache/', type: 'directory' }) },
        { header: header({ name: 'var/cache/.wh..wh..opq', type: 'file' }) },
        file('var/cache/new', 'n'),
      ],
      out,
    );
    expect(result).toMatchObject({ whiteouts: 1, opaqueDirs: ['var/cache'] });
    const wh = fs.statSync(path.join(out, 'etc/passwd'));
    expect(wh.isCharacterDevice() && wh.rdev === 0).toBe(true);
    expect(await xattr(path.join(out, 'var/cache'), 'trusted.overlay.opaque')).toBe('y');
    expect(await findOpaqueDirs(out)).toEqual(['var/cache']);
  });

  it('should keep extended attributes such as file capabilities', async () => {
    const out = path.join(dir, 'l');
    const cap = Buffer.from('0100000200200000000000000000000000000000', 'hex'); // cap_net_raw+ep
    await extract([file('bin/ping', 'x', { mode: 0o755, xattrs: { 'security.capability': cap } })], out);
    expect(
      (
        await applyFsOps([{ op: 'getxattr', path: path.join(out, 'bin/ping'), name: 'security.capability' }])
      )[0],
    ).toEqual(cap);
  });

  it('should refuse an entry that climbs out with ..', async () => {
    await expect(extract([file('../escape', 'x')], path.join(dir, 'l'))).rejects.toThrow(
      'climbs out of the layer',
    );
    expect(fs.existsSync(path.join(dir, 'escape'))).toBe(false);
  });

  it('should refuse to write through a symlink the layer made', async () => {
    const outside = path.join(dir, 'outside');
    fs.mkdirSync(outside);
    await expect(
      extract(
        [{ header: header({ name: 'evil', type: 'symlink', linkname: outside }) }, file('evil/owned', 'x')],
        path.join(dir, 'l'),
      ),
    ).rejects.toThrow('passes through the symlink "evil"');
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it('should refuse a hard link to something the layer does not hold', async () => {
    await expect(
      extract([{ header: header({ name: 'x', type: 'link', linkname: 'etc/shadow' }) }], path.join(dir, 'l')),
    ).rejects.toThrow('hard link to "etc/shadow"');
  });
});

describe('layerEntries', () => {
  it('should give back the layer it was extracted from, whiteouts and opaque markers included', async () => {
    const out = path.join(dir, 'l');
    const entries = [
      { header: header({ name: 'a/', type: 'directory', mode: 0o755, mtime: 10 }) },
      { header: header({ name: 'a/.wh..wh..opq', type: 'file' }) },
      file('a/f', 'content', { uid: 3, gid: 4, mode: 0o600, mtime: 20 }),
      { header: header({ name: 'a/g', type: 'link', linkname: 'a/f' }) },
      { header: header({ name: 'etc/.wh.gone', type: 'file' }) },
      { header: header({ name: 'l', type: 'symlink', linkname: 'a/f', mtime: 30 }) },
    ];
    await extract(entries, out);
    const packed = [...layerEntries(out, await findOpaqueDirs(out))].map((e) => [
      e.header.name,
      e.header.type,
      e.header.linkname,
    ]);
    expect(packed).toEqual([
      ['a/', 'directory', ''],
      ['a/.wh..wh..opq', 'file', ''],
      ['a/f', 'file', ''],
      ['a/g', 'link', 'a/f'],
      ['etc/', 'directory', ''],
      ['etc/.wh.gone', 'file', ''],
      ['l', 'symlink', 'a/f'],
    ]);
  });
});

describe('a container on layers with whiteouts', () => {
  let h: RuntimeHarness;
  beforeAll(() => {
    h = RuntimeHarness.open('whiteout');
  });
  afterAll(() => h.cleanup());

  it('should not see a deleted file, and see only the new content of a replaced directory', async () => {
    const base = path.join(h.tmp, 'base');
    const top = path.join(h.tmp, 'top');
    await extract(
      [file('etc/secret', 'old'), file('etc/keep', 'kept'), file('data/one', '1'), file('data/two', '2')],
      base,
    );
    await extract(
      [
        { header: header({ name: 'etc/.wh.secret', type: 'file' }) },
        { header: header({ name: 'data/', type: 'directory' }) },
        { header: header({ name: 'data/.wh..wh..opq', type: 'file' }) },
        file('data/three', '3'),
      ],
      top,
    );
    const r = await h.run(
      { args: ['sh', '-c', 'ls /etc/secret 2>&1; cat /etc/keep; echo; ls /data'] },
      h.nextId(),
      [top, base, h.image],
    );
    expect(r.stdout).toBe('ls: /etc/secret: No such file or directory\nkept\nthree\n');
  });
});

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InvalidArchiveError } from '../errors';
import {
  decodePax,
  encodeHeader,
  header,
  packTar,
  TarReader,
  withOwners,
  type PackEntry,
  type TarHeader,
} from './tar';

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}

/** Re-chunk BYTES into pieces of SIZE, as a network stream would. */
async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(bytes: Buffer, chunk = 7): Promise<{ header: TarHeader; body: string }[]> {
  const out: { header: TarHeader; body: string }[] = [];
  for await (const entry of new TarReader(chunked(bytes, chunk)).entries())
    out.push({ header: entry.header, body: (await collect(entry.body())).toString() });
  return out;
}

const longName = `${'deep/'.repeat(30)}file-with-a-long-name.txt`;
const entries: PackEntry[] = [
  { header: header({ name: 'etc/', type: 'directory', mode: 0o755, mtime: 1700000000 }) },
  {
    header: header({ name: 'etc/hello', type: 'file', size: 6, uid: 1000, gid: 1000, mode: 0o640 }),
    body: Buffer.from('hello\n'),
  },
  { header: header({ name: 'bin/sh', type: 'symlink', linkname: 'busybox' }) },
  { header: header({ name: 'bin/ash', type: 'link', linkname: 'bin/busybox' }) },
  { header: header({ name: 'dev/null', type: 'char', devmajor: 1, devminor: 3, mode: 0o666 }) },
  { header: header({ name: longName, type: 'file', size: 3 }), body: Buffer.from('abc') },
  {
    header: header({
      name: 'usr/bin/ping',
      type: 'file',
      size: 1,
      xattrs: { 'security.capability': Buffer.from([1, 0, 0, 2]) },
    }),
    body: Buffer.from('x'),
  },
];

describe('tar', () => {
  it('should read back what it writes, whatever the chunking', async () => {
    const bytes = await collect(packTar(entries));
    expect(bytes.length % 512).toBe(0);
    for (const chunk of [1, 7, 512, 100000]) {
      const read = await readAll(bytes, chunk);
      expect(read.map((e) => [e.header.name, e.header.type, e.body])).toEqual([
        ['etc/', 'directory', ''],
        ['etc/hello', 'file', 'hello\n'],
        ['bin/sh', 'symlink', ''],
        ['bin/ash', 'link', ''],
        ['dev/null', 'char', ''],
        [longName, 'file', 'abc'],
        ['usr/bin/ping', 'file', 'x'],
      ]);
      expect(read[1].header).toMatchObject({ uid: 1000, gid: 1000, mode: 0o640 });
      expect(read[2].header.linkname).toBe('busybox');
      expect(read[4].header).toMatchObject({ devmajor: 1, devminor: 3 });
      expect(read[6].header.xattrs['security.capability']).toEqual(Buffer.from([1, 0, 0, 2]));
    }
  });

  it('should skip bodies the reader does not consume', async () => {
    const bytes = await collect(packTar(entries));
    const names: string[] = [];
    for await (const entry of new TarReader(chunked(bytes, 64)).entries()) names.push(entry.header.name);
    expect(names).toHaveLength(entries.length);
  });

  it('should be readable by GNU tar, long names and xattrs included', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-tar-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.tar'), await collect(packTar(entries)));
      const listing = execFileSync('tar', ['-tvf', path.join(dir, 'a.tar')], { encoding: 'utf8' });
      expect(listing).toContain(longName);
      expect(listing).toMatch(/^lrwxrwxrwx 0\/0 .* bin\/sh -> busybox$/m);
      expect(listing).toMatch(/^-rw-r----- 1000\/1000 +6 .* etc\/hello$/m);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should read what GNU tar writes, including its long-name extension', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-tar-'));
    try {
      const src = path.join(dir, 'src');
      fs.mkdirSync(path.join(src, 'x'.repeat(120)), { recursive: true });
      fs.writeFileSync(path.join(src, 'x'.repeat(120), 'f'), 'data');
      fs.symlinkSync('x'.repeat(120) + '/f', path.join(src, 'link'));
      for (const format of ['gnu', 'posix']) {
        const bytes = execFileSync('tar', ['-C', src, '--format', format, '--sort=name', '-cf', '-', '.']);
        const read = await readAll(bytes, 1000);
        expect(read.map((e) => [e.header.name, e.header.type, e.body])).toEqual([
          ['./', 'directory', ''],
          ['./link', 'symlink', ''],
          [`./${'x'.repeat(120)}/`, 'directory', ''],
          [`./${'x'.repeat(120)}/f`, 'file', 'data'],
        ]);
        expect(read[1].header.linkname).toBe(`${'x'.repeat(120)}/f`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should refuse a corrupt header and a stream that ends inside an entry', async () => {
    const bytes = await collect(packTar(entries));
    const corrupt = Buffer.from(bytes);
    corrupt[10] ^= 0xff;
    await expect(readAll(corrupt)).rejects.toThrow(InvalidArchiveError);
    await expect(readAll(bytes.subarray(0, 512 + 3))).rejects.toThrow('tar stream ends inside a header');
    await expect(readAll(bytes.subarray(0, 512 * 2 + 3))).rejects.toThrow('tar stream ends inside etc/hello');
  });

  it('should refuse to write a body that does not match its size', async () => {
    await expect(
      collect(packTar([{ header: header({ name: 'f', type: 'file', size: 5 }), body: Buffer.from('abc') }])),
    ).rejects.toThrow('f: wrote 3 bytes, header says 5');
  });
});

describe('decodePax', () => {
  it('should read records, binary values included', () => {
    const record = (k: string, v: string) => {
      const body = ` ${k}=${v}\n`;
      let n = body.length + 2;
      while (String(n).length + body.length !== n) n++;
      return `${n}${body}`;
    };
    const pax = decodePax(Buffer.from(record('path', 'a/b') + record('SCHILY.xattr.user.x', 'v=1')));
    expect(pax.get('path')!.toString()).toBe('a/b');
    expect(pax.get('SCHILY.xattr.user.x')!.toString()).toBe('v=1');
  });
});

describe('encodeHeader', () => {
  it('should emit a single ustar block when everything fits', () => {
    expect(encodeHeader(header({ name: 'a', type: 'file' })).length).toBe(512);
    expect(encodeHeader(header({ name: 'a'.repeat(101), type: 'file' })).length).toBe(512 * 3);
  });
});

describe(withOwners.name, () => {
  it('should map each entry’s uid and gid and leave the rest of it alone', () => {
    const entries: PackEntry[] = [
      {
        header: header({ name: 'a', type: 'file', uid: 100000, gid: 100005, size: 1 }),
        body: Buffer.from('x'),
      },
      { header: header({ name: 'd', type: 'directory', uid: 0, gid: 0 }) },
    ];
    const mapped = [
      ...withOwners(entries, (id, kind) => (id >= 100000 ? id - 100000 : id) + (kind === 'gid' ? 1 : 0)),
    ];
    expect(mapped.map((e) => [e.header.name, e.header.uid, e.header.gid])).toEqual([
      ['a', 0, 6],
      ['d', 0, 1],
    ]);
    expect(mapped[0].body).toBe(entries[0].body);
    expect(entries[0].header.uid).toBe(100000); // the originals untouched
  });
});

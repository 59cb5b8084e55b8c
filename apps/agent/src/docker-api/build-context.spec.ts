import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { InvalidArchiveError, packTar } from '@berth/image';
import { header, type PackEntry } from '@berth/image/archive/tar';
import { withBuildContext } from './build-context';

async function tarOf(entries: PackEntry[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of packTar(entries)) chunks.push(c);
  return Buffer.concat(chunks);
}

function contextTar(): Promise<Buffer> {
  const dockerfile = Buffer.from('FROM busybox\nCOPY run.sh /\n');
  const script = Buffer.from('#!/bin/sh\necho hi\n');
  return tarOf([
    { header: header({ name: 'Dockerfile', type: 'file', size: dockerfile.length }), body: dockerfile },
    { header: header({ name: 'bin/', type: 'directory' }) },
    { header: header({ name: 'bin/run.sh', type: 'file', size: script.length, mode: 0o755 }), body: script },
  ]);
}

describe(withBuildContext.name, () => {
  let parent: string;
  beforeEach(() => (parent = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-build-context-'))));
  afterEach(() => fs.rmSync(parent, { recursive: true, force: true }));

  it.each([
    ['a plain tar', (b: Buffer) => b],
    ['a gzipped tar', (b: Buffer) => gzipSync(b)],
  ])('should unpack %s for the build, with its modes, and remove it after', async (_what, encode) => {
    const body = Readable.from([encode(await contextTar())]);
    let seen = '';
    const result = await withBuildContext(body, parent, async (dir) => {
      seen = dir;
      expect(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe('FROM busybox\nCOPY run.sh /\n');
      expect(fs.statSync(path.join(dir, 'bin/run.sh')).mode & 0o777).toBe(0o755);
      return 'built';
    });
    expect(result).toBe('built');
    expect(path.dirname(seen)).toBe(parent);
    expect(fs.existsSync(seen)).toBe(false);
  });

  it("should take a tar that ends right after its last file's bytes, as the docker client sends one", async () => {
    const whole = await contextTar();
    const script = whole.indexOf('#!/bin/sh');
    const truncated = whole.subarray(0, script + '#!/bin/sh\necho hi\n'.length);
    await withBuildContext(Readable.from([truncated]), parent, async (dir) => {
      expect(fs.readFileSync(path.join(dir, 'bin/run.sh'), 'utf8')).toBe('#!/bin/sh\necho hi\n');
    });
  });

  it('should remove the context when the build fails, and refuse entries that climb out', async () => {
    await expect(
      withBuildContext(Readable.from([await contextTar()]), parent, async () => {
        throw new Error('build failed');
      }),
    ).rejects.toThrow('build failed');
    const escaping = await tarOf([{ header: header({ name: '../x', type: 'file', size: 0 }) }]);
    await expect(withBuildContext(Readable.from([escaping]), parent, async () => 'built')).rejects.toThrow(
      InvalidArchiveError,
    );
    expect(fs.readdirSync(parent)).toEqual([]);
  });
});

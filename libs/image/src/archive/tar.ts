/**
 * A tar codec of our own: ustar headers, pax extended headers (long names,
 * large sizes, xattrs) and GNU long names, read as a stream of entries and
 * written deterministically. Header encoding and decoding are pure.
 */
import { InvalidArchiveError } from '../errors';

export type EntryType = 'file' | 'link' | 'symlink' | 'char' | 'block' | 'directory' | 'fifo';

export interface TarHeader {
  name: string;
  type: EntryType;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** Seconds since the epoch. */
  mtime: number;
  linkname: string;
  uname: string;
  gname: string;
  devmajor: number;
  devminor: number;
  /** Extended attributes, from pax SCHILY.xattr.* records. */
  xattrs: Record<string, Buffer>;
}

export const BLOCK = 512;

const TYPE_FLAGS: Record<string, EntryType> = {
  '0': 'file',
  '\0': 'file',
  '7': 'file',
  '1': 'link',
  '2': 'symlink',
  '3': 'char',
  '4': 'block',
  '5': 'directory',
  '6': 'fifo',
};
const FLAG_OF: Record<EntryType, string> = {
  file: '0',
  link: '1',
  symlink: '2',
  char: '3',
  block: '4',
  directory: '5',
  fifo: '6',
};

export function header(partial: Partial<TarHeader> & { name: string; type: EntryType }): TarHeader {
  return {
    mode: partial.type === 'directory' ? 0o755 : partial.type === 'symlink' ? 0o777 : 0o644,
    uid: 0,
    gid: 0,
    size: 0,
    mtime: 0,
    linkname: '',
    uname: '',
    gname: '',
    devmajor: 0,
    devminor: 0,
    xattrs: {},
    ...partial,
  };
}

// ---- decoding -----------------------------------------------------------------

function readString(block: Buffer, offset: number, length: number): string {
  const end = block.indexOf(0, offset);
  return block.toString('utf8', offset, end >= 0 && end < offset + length ? end : offset + length);
}

/** Octal ASCII, or GNU base-256 when the high bit of the first byte is set. */
function readNumber(block: Buffer, offset: number, length: number): number {
  if (block[offset] & 0x80) {
    let value = block[offset] & 0x7f;
    for (let i = 1; i < length; i++) value = value * 256 + block[offset + i];
    return value;
  }
  const text = readString(block, offset, length).trim();
  return text ? parseInt(text, 8) : 0;
}

function checksum(block: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i];
  return sum;
}

export function isZeroBlock(block: Buffer): boolean {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false;
  return true;
}

export interface RawHeader {
  flag: string;
  header: TarHeader;
}

export function decodeHeader(block: Buffer): RawHeader {
  const stored = readNumber(block, 148, 8);
  if (stored !== checksum(block))
    throw new InvalidArchiveError('tar header checksum mismatch: not a tar stream, or a corrupt one');
  const flag = String.fromCharCode(block[156]);
  const magic = block.toString('latin1', 257, 262);
  const prefix = magic === 'ustar' && block[262] === 0 ? readString(block, 345, 155) : '';
  const name = readString(block, 0, 100);
  return {
    flag,
    header: {
      name: prefix ? `${prefix}/${name}` : name,
      type: TYPE_FLAGS[flag] ?? 'file',
      mode: readNumber(block, 100, 8) & 0o7777,
      uid: readNumber(block, 108, 8),
      gid: readNumber(block, 116, 8),
      size: readNumber(block, 124, 12),
      mtime: readNumber(block, 136, 12),
      linkname: readString(block, 157, 100),
      uname: readString(block, 265, 32),
      gname: readString(block, 297, 32),
      devmajor: readNumber(block, 329, 8),
      devminor: readNumber(block, 337, 8),
      xattrs: {},
    },
  };
}

/** pax records: "LEN key=value\n", LEN counting the whole record. Values may be binary (xattrs). */
export function decodePax(data: Buffer): Map<string, Buffer> {
  const records = new Map<string, Buffer>();
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos);
    if (space < 0) break;
    const length = parseInt(data.toString('ascii', pos, space), 10);
    if (!Number.isFinite(length) || length <= 0) throw new InvalidArchiveError('malformed pax header record');
    const record = data.subarray(space + 1, pos + length - 1);
    const eq = record.indexOf(0x3d);
    if (eq > 0) records.set(record.toString('utf8', 0, eq), record.subarray(eq + 1));
    pos += length;
  }
  return records;
}

function applyPax(h: TarHeader, pax: Map<string, Buffer>): void {
  for (const [key, value] of pax) {
    const text = value.toString('utf8');
    if (key === 'path') h.name = text;
    else if (key === 'linkpath') h.linkname = text;
    else if (key === 'size') h.size = Number(text);
    else if (key === 'uid') h.uid = Number(text);
    else if (key === 'gid') h.gid = Number(text);
    else if (key === 'mtime') h.mtime = Number(text);
    else if (key === 'uname') h.uname = text;
    else if (key === 'gname') h.gname = text;
    else if (key.startsWith('SCHILY.xattr.')) h.xattrs[key.slice('SCHILY.xattr.'.length)] = value;
  }
}

export interface TarEntry {
  header: TarHeader;
  /** The entry's content; read it before asking for the next entry, or it is skipped. */
  body(): AsyncIterable<Buffer>;
}

/** Reads entries from a byte stream, one at a time. */
export class TarReader {
  private readonly source: AsyncIterator<Buffer>;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private unread = 0; // body bytes (with padding) of the current entry not yet consumed
  private ended = false;

  constructor(source: AsyncIterable<Buffer>) {
    this.source = source[Symbol.asyncIterator]();
  }

  private async fill(n: number): Promise<boolean> {
    while (this.pendingBytes < n) {
      if (this.ended) return false;
      const { value, done } = await this.source.next();
      if (done) {
        this.ended = true;
        return this.pendingBytes >= n;
      }
      this.pending.push(value);
      this.pendingBytes += value.length;
    }
    return true;
  }

  /** Up to MAX bytes already read in (at least one chunk's worth when available). */
  private take(max: number): Buffer {
    const first = this.pending[0];
    if (first.length <= max) {
      this.pending.shift();
      this.pendingBytes -= first.length;
      return first;
    }
    this.pending[0] = first.subarray(max);
    this.pendingBytes -= max;
    return first.subarray(0, max);
  }

  private async takeExactly(n: number): Promise<Buffer> {
    if (!(await this.fill(n))) throw new InvalidArchiveError('tar stream ends in the middle of an entry');
    const parts: Buffer[] = [];
    for (let got = 0; got < n;) {
      const part = this.take(n - got);
      parts.push(part);
      got += part.length;
    }
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }

  private async skip(n: number): Promise<void> {
    while (n > 0) {
      if (!(await this.fill(1))) throw new InvalidArchiveError('tar stream ends in the middle of an entry');
      n -= this.take(n).length;
    }
  }

  async next(): Promise<TarEntry | null> {
    await this.skip(this.unread);
    this.unread = 0;
    let pax = new Map<string, Buffer>();
    const global = new Map<string, Buffer>();
    let longName: string | undefined;
    let longLink: string | undefined;
    for (;;) {
      if (!(await this.fill(BLOCK))) {
        // an end without the two zero blocks is accepted, as GNU tar does; an end inside a header is not
        if (this.pendingBytes > 0) throw new InvalidArchiveError('tar stream ends inside a header');
        return null;
      }
      const block = await this.takeExactly(BLOCK);
      if (isZeroBlock(block)) return null;
      const { flag, header: h } = decodeHeader(block);
      const padded = Math.ceil(h.size / BLOCK) * BLOCK;
      if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
        const data = (await this.takeExactly(padded)).subarray(0, h.size);
        if (flag === 'x') pax = decodePax(data);
        else if (flag === 'g') for (const [k, v] of decodePax(data)) global.set(k, v);
        else if (flag === 'L') longName = data.toString('utf8').replace(/\0+$/, '');
        else longLink = data.toString('utf8').replace(/\0+$/, '');
        continue;
      }
      if (longName !== undefined) h.name = longName;
      if (longLink !== undefined) h.linkname = longLink;
      applyPax(h, global);
      applyPax(h, pax);
      if (h.type !== 'file') h.size = 0; // only regular files carry data (as Go's archive/tar reads it)
      const size = h.size;
      const bodyPadded = Math.ceil(size / BLOCK) * BLOCK;
      this.unread = bodyPadded;
      return { header: h, body: () => this.readBody(h.name, size, bodyPadded) };
    }
  }

  private async *readBody(name: string, size: number, padded: number): AsyncGenerator<Buffer> {
    let left = size;
    while (left > 0) {
      if (!(await this.fill(1))) throw new InvalidArchiveError(`tar stream ends inside ${name}`);
      const part = this.take(left);
      left -= part.length;
      this.unread -= part.length;
      yield part;
    }
    await this.skip(padded - size);
    this.unread -= padded - size;
  }

  async *entries(): AsyncGenerator<TarEntry> {
    for (let entry = await this.next(); entry; entry = await this.next()) yield entry;
  }
}

// ---- encoding -----------------------------------------------------------------

function writeString(block: Buffer, offset: number, length: number, value: string): void {
  block.write(value, offset, length, 'utf8');
}

function writeOctal(block: Buffer, offset: number, length: number, value: number): void {
  block.write(
    Math.floor(value)
      .toString(8)
      .padStart(length - 1, '0') + '\0',
    offset,
    length,
    'latin1',
  );
}

function fitsOctal(value: number, length: number): boolean {
  return value >= 0 && value < 8 ** (length - 1);
}

function paxRecord(key: string, value: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(` ${key}=`), value, Buffer.from('\n')]);
  let length = body.length + 1;
  while (String(length).length + body.length !== length) length = String(length).length + body.length;
  return Buffer.concat([Buffer.from(String(length)), body]);
}

function ustarBlock(h: TarHeader, flag: string, name: string, linkname: string, size: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  writeString(block, 0, 100, name);
  writeOctal(block, 100, 8, h.mode & 0o7777);
  writeOctal(block, 108, 8, fitsOctal(h.uid, 8) ? h.uid : 0);
  writeOctal(block, 116, 8, fitsOctal(h.gid, 8) ? h.gid : 0);
  writeOctal(block, 124, 12, fitsOctal(size, 12) ? size : 0);
  writeOctal(block, 136, 12, fitsOctal(h.mtime, 12) ? h.mtime : 0);
  block.write(flag, 156, 1, 'latin1');
  writeString(block, 157, 100, linkname);
  block.write('ustar\0' + '00', 257, 8, 'latin1');
  writeString(block, 265, 32, h.uname);
  writeString(block, 297, 32, h.gname);
  writeOctal(block, 329, 8, h.devmajor);
  writeOctal(block, 337, 8, h.devminor);
  block.write('        ', 148, 8, 'latin1');
  writeOctal(block, 148, 7, checksum(block));
  block[155] = 0x20;
  return block;
}

/** The header blocks for H: a pax header first when a field does not fit ustar. */
export function encodeHeader(h: TarHeader): Buffer {
  const size = h.type === 'file' ? h.size : 0;
  const nameBytes = Buffer.byteLength(h.name);
  const records: Buffer[] = [];
  if (nameBytes > 100) records.push(paxRecord('path', Buffer.from(h.name)));
  if (Buffer.byteLength(h.linkname) > 100) records.push(paxRecord('linkpath', Buffer.from(h.linkname)));
  if (!fitsOctal(size, 12)) records.push(paxRecord('size', Buffer.from(String(size))));
  if (!fitsOctal(h.uid, 8)) records.push(paxRecord('uid', Buffer.from(String(h.uid))));
  if (!fitsOctal(h.gid, 8)) records.push(paxRecord('gid', Buffer.from(String(h.gid))));
  for (const key of Object.keys(h.xattrs).sort())
    records.push(paxRecord(`SCHILY.xattr.${key}`, h.xattrs[key]));
  const main = ustarBlock(h, FLAG_OF[h.type], h.name.slice(0, 100), h.linkname.slice(0, 100), size);
  if (records.length === 0) return main;
  const data = Buffer.concat(records);
  const paxHeader = ustarBlock(
    header({ name: `PaxHeaders/${h.name}`.slice(0, 100), type: 'file', mtime: h.mtime }),
    'x',
    `PaxHeaders/${h.name}`.slice(0, 100),
    '',
    data.length,
  );
  return Buffer.concat([paxHeader, data, padding(data.length), main]);
}

export function padding(size: number): Buffer {
  const rest = size % BLOCK;
  return Buffer.alloc(rest ? BLOCK - rest : 0);
}

export const END_OF_ARCHIVE = Buffer.alloc(BLOCK * 2);

export interface PackEntry {
  header: TarHeader;
  /** For files: the content, whole or as chunks (must total header.size). */
  body?: Buffer | AsyncIterable<Buffer>;
}

/** How an entry's owner is written: a remapped container's host ids as the container knows them. */
export type OwnerMap = (id: number, kind: 'uid' | 'gid') => number;

/** ENTRIES with their owners mapped through OWNER. */
export function* withOwners(entries: Iterable<PackEntry>, owner: OwnerMap): Generator<PackEntry> {
  for (const e of entries)
    yield { ...e, header: { ...e.header, uid: owner(e.header.uid, 'uid'), gid: owner(e.header.gid, 'gid') } };
}

/** Encode ENTRIES as a tar stream. */
export async function* packTar(
  entries: AsyncIterable<PackEntry> | Iterable<PackEntry>,
): AsyncGenerator<Buffer> {
  for await (const entry of entries) {
    yield encodeHeader(entry.header);
    if (entry.header.type !== 'file' || entry.header.size === 0) continue;
    let written = 0;
    if (Buffer.isBuffer(entry.body)) {
      written = entry.body.length;
      yield entry.body;
    } else if (entry.body) {
      for await (const chunk of entry.body) {
        written += chunk.length;
        yield chunk;
      }
    }
    if (written !== entry.header.size)
      throw new InvalidArchiveError(
        `${entry.header.name}: wrote ${written} bytes, header says ${entry.header.size}`,
      );
    yield padding(written);
  }
  yield END_OF_ARCHIVE;
}

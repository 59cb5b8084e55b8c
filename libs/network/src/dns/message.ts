/**
 * The few DNS messages the engine's resolver reads and writes (RFC 1035):
 * a query's header and question, and an answer of A records for names it
 * knows. Everything else is forwarded as raw bytes. Pure.
 */

export const TYPE = { A: 1, AAAA: 28, ANY: 255 } as const;
export const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3 } as const;

export interface Question {
  /** Lower case, no trailing dot. */
  name: string;
  type: number;
  class: number;
}

export interface Query {
  id: number;
  flags: number;
  question: Question;
  /** Where the question ends: what an answer repeats. */
  questionEnd: number;
}

export class DnsFormatError extends Error {}

function readName(buf: Buffer, start: number): { name: string; end: number } {
  const labels: string[] = [];
  let pos = start;
  for (let hops = 0; ; hops++) {
    if (pos >= buf.length || hops > 128) throw new DnsFormatError('name runs past the message');
    const len = buf[pos];
    if (len === 0) return { name: labels.join('.').toLowerCase(), end: pos + 1 };
    if ((len & 0xc0) !== 0) throw new DnsFormatError('compressed names do not belong in a question');
    labels.push(buf.toString('latin1', pos + 1, pos + 1 + len));
    pos += 1 + len;
  }
}

/** The query in BUF, or a DnsFormatError. Only the first question counts, as every resolver sends one. */
export function parseQuery(buf: Buffer): Query {
  if (buf.length < 12) throw new DnsFormatError('shorter than a header');
  const flags = buf.readUInt16BE(2);
  if (flags & 0x8000) throw new DnsFormatError('a response, not a query');
  if (buf.readUInt16BE(4) < 1) throw new DnsFormatError('no question');
  const { name, end } = readName(buf, 12);
  if (end + 4 > buf.length) throw new DnsFormatError('question runs past the message');
  return {
    id: buf.readUInt16BE(0),
    flags,
    question: { name, type: buf.readUInt16BE(end), class: buf.readUInt16BE(end + 2) },
    questionEnd: end + 4,
  };
}

/** An authoritative answer to QUERY (its bytes in RAW) with ADDRESSES as A records. */
export function answerQuery(
  raw: Buffer,
  query: Query,
  addresses: string[],
  rcode: number = RCODE.NOERROR,
  ttl = 600,
): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.id, 0);
  const flags = 0x8000 | (query.flags & 0x7800) | 0x0400 | (query.flags & 0x0100) | 0x0080 | (rcode & 0xf);
  header.writeUInt16BE(flags, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(addresses.length, 6);
  const answers = addresses.map((address) => {
    const rr = Buffer.alloc(16);
    rr.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
    rr.writeUInt16BE(TYPE.A, 2);
    rr.writeUInt16BE(1, 4);
    rr.writeUInt32BE(ttl, 6);
    rr.writeUInt16BE(4, 10);
    address.split('.').forEach((octet, i) => rr.writeUInt8(Number(octet), 12 + i));
    return rr;
  });
  return Buffer.concat([header, raw.subarray(12, query.questionEnd), ...answers]);
}

/** A bare error answer (FORMERR when even the question cannot be read). */
export function errorAnswer(raw: Buffer, rcode: number): Buffer {
  const header = Buffer.alloc(12);
  if (raw.length >= 2) raw.copy(header, 0, 0, 2);
  header.writeUInt16BE(0x8000 | 0x0080 | (rcode & 0xf), 2);
  return header;
}

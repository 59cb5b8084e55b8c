import { answerQuery, DnsFormatError, errorAnswer, parseQuery, RCODE, TYPE } from './message';

/** A query as busybox's resolver sends it. */
function query(name: string, type: number, id = 0x1234): Buffer {
  const labels = name.split('.').map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)]));
  const header = Buffer.from([id >> 8, id & 0xff, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
  const tail = Buffer.from([0, 0, type, 0, 1]);
  return Buffer.concat([header, ...labels, tail]);
}

describe('parseQuery', () => {
  it('should read the id, flags and question, lower-casing the name', () => {
    const q = parseQuery(query('Web.Example', TYPE.A));
    expect(q).toMatchObject({
      id: 0x1234,
      flags: 0x0100,
      question: { name: 'web.example', type: TYPE.A, class: 1 },
    });
  });

  it('should refuse what is not a well-formed query', () => {
    expect(() => parseQuery(Buffer.alloc(5))).toThrow(DnsFormatError);
    const response = query('a', TYPE.A);
    response[2] |= 0x80;
    expect(() => parseQuery(response)).toThrow(/a response/);
    expect(() => parseQuery(query('a', TYPE.A).subarray(0, 15))).toThrow(/past the message/);
  });
});

describe('answerQuery', () => {
  it('should answer with the question and A records pointing at its name', () => {
    const raw = query('db', TYPE.A, 7);
    const out = answerQuery(raw, parseQuery(raw), ['10.89.0.5', '10.89.0.6'], RCODE.NOERROR, 60);
    expect(out.readUInt16BE(0)).toBe(7);
    expect(out.readUInt16BE(2) & 0x8000).toBe(0x8000); // a response
    expect(out.readUInt16BE(2) & 0x0100).toBe(0x0100); // recursion desired, echoed
    expect(out.readUInt16BE(2) & 0xf).toBe(0);
    expect(out.readUInt16BE(6)).toBe(2);
    const first = raw.length;
    expect(out.subarray(12, first)).toEqual(raw.subarray(12));
    expect(out.readUInt16BE(first)).toBe(0xc00c);
    expect(out.readUInt32BE(first + 6)).toBe(60);
    expect([...out.subarray(first + 12, first + 16)]).toEqual([10, 89, 0, 5]);
    expect([...out.subarray(first + 28, first + 32)]).toEqual([10, 89, 0, 6]);
  });

  it('should say NXDOMAIN with no answers', () => {
    const raw = query('nope', TYPE.A);
    const out = answerQuery(raw, parseQuery(raw), [], RCODE.NXDOMAIN);
    expect(out.readUInt16BE(2) & 0xf).toBe(RCODE.NXDOMAIN);
    expect(out.readUInt16BE(6)).toBe(0);
  });
});

describe('errorAnswer', () => {
  it('should keep the id and carry the code', () => {
    const out = errorAnswer(Buffer.from([0xab, 0xcd, 1, 2]), RCODE.FORMERR);
    expect(out.readUInt16BE(0)).toBe(0xabcd);
    expect(out.readUInt16BE(2) & 0xf).toBe(RCODE.FORMERR);
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { readSlots, slotsExist, writeSlot } from './slots';

describe('a document kept in two slots', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-slots-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('should read nothing before the first write', () => {
    expect(readSlots(dir, 'doc.json')).toBeNull();
    expect(slotsExist(dir, 'doc.json')).toBe(false);
  });

  it('should write the generations in turn and read the newest', () => {
    writeSlot(dir, 'doc.json', 1, { n: 1 });
    expect(readSlots(dir, 'doc.json')).toEqual({ generation: 1, value: { n: 1 } });
    writeSlot(dir, 'doc.json', 2, { n: 2 });
    writeSlot(dir, 'doc.json', 3, { n: 3 });
    expect(readSlots(dir, 'doc.json')).toEqual({ generation: 3, value: { n: 3 } });
    expect(fs.readdirSync(dir).sort()).toEqual(['doc.json.0', 'doc.json.1']);
    const older = fs.readFileSync(path.join(dir, 'doc.json.0'), 'utf8');
    expect(JSON.parse(older.slice(41)).value).toEqual({ n: 2 });
  });

  it('should cut what a longer generation before left at the end of the file', () => {
    writeSlot(dir, 'doc.json', 1, { n: 'a long value '.repeat(20) });
    writeSlot(dir, 'doc.json', 2, {});
    writeSlot(dir, 'doc.json', 3, { n: 3 });
    const text = fs.readFileSync(path.join(dir, 'doc.json.1'), 'utf8');
    expect(text.endsWith('{"generation":3,"value":{"n":3}}\n')).toBe(true);
    expect(readSlots(dir, 'doc.json')).toEqual({ generation: 3, value: { n: 3 } });
  });

  it('should not take a file whose new bytes only partly replaced the old ones', () => {
    writeSlot(dir, 'doc.json', 1, { n: 1 });
    writeSlot(dir, 'doc.json', 2, { n: 'second' });
    const file = path.join(dir, 'doc.json.0');
    const old = fs.readFileSync(file, 'utf8');
    writeSlot(dir, 'doc.json', 4, { n: 'fourth' }); // same length: nothing cut
    const whole = fs.readFileSync(file, 'utf8');
    // a crash half-way through the write: the new head, the old tail
    fs.writeFileSync(file, whole.slice(0, 50) + old.slice(50));
    expect(readSlots(dir, 'doc.json')).toEqual({ generation: 1, value: { n: 1 } });
  });

  it('should fall back to the generation before when the newest was cut short by a crash', () => {
    writeSlot(dir, 'doc.json', 4, { n: 4 });
    writeSlot(dir, 'doc.json', 5, { n: 5 });
    const newest = path.join(dir, 'doc.json.1');
    const whole = fs.readFileSync(newest, 'utf8');
    for (const cut of [0, 1, whole.length - 1]) {
      fs.writeFileSync(newest, whole.slice(0, cut));
      expect(readSlots(dir, 'doc.json')).toEqual({ generation: 4, value: { n: 4 } });
    }
    expect(slotsExist(dir, 'doc.json')).toBe(true);
  });

  it('should read nothing when both slots are spoilt', () => {
    fs.writeFileSync(path.join(dir, 'doc.json.0'), 'ab {"generation":');
    fs.writeFileSync(path.join(dir, 'doc.json.1'), '');
    expect(readSlots(dir, 'doc.json')).toBeNull();
  });

  it('should read a slot the shim wrote with a CRC-32 digest, and refuse it when the digest is wrong', () => {
    // "abc" has the CRC-32 352441c2
    const json = '{"generation":7,"value":"abc"}';
    const crc = zlib.crc32(json).toString(16).padStart(8, '0');
    fs.writeFileSync(path.join(dir, 'doc.json.1'), `${crc} ${json}\n`);
    expect(readSlots(dir, 'doc.json')).toEqual({ generation: 7, value: 'abc' });
    expect(zlib.crc32('abc').toString(16)).toBe('352441c2');
    fs.writeFileSync(path.join(dir, 'doc.json.1'), `00000000 ${json}\n`);
    expect(readSlots(dir, 'doc.json')).toBeNull();
  });
});

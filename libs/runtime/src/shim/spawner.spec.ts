import { decodeSpawnAnswer, encodeSpawnRequest } from './spawner';

describe('the spawner wire format', () => {
  it('should frame argv, the environment and stdin after a length', () => {
    const request = encodeSpawnRequest(['ip', 'netns', 'add', 'x'], { PATH: '/bin', UNSET: undefined }, 'in');
    const body = request.subarray(4);
    expect(request.readUInt32LE(0)).toBe(body.length);
    expect(body.toString()).toBe('run\0' + '4\0ip\0netns\0add\0x\0' + '1\0PATH=/bin\0' + 'in');
  });

  it('should name the mode first: a detached program gets no stdin', () => {
    const body = encodeSpawnRequest(['berth-shim', 'create', 'f'], {}, '', 'detach').subarray(4);
    expect(body.toString()).toBe('detach\0' + '3\0berth-shim\0create\0f\0' + '0\0');
  });

  it('should refuse a NUL byte inside an argument', () => {
    expect(() => encodeSpawnRequest(['echo', 'a\0b'], {})).toThrow(/NUL/);
  });

  it('should read an answer only once all of it has arrived', () => {
    const header = Buffer.alloc(12);
    header.writeUInt32LE(3, 0);
    header.writeUInt32LE(4, 4);
    header.writeUInt32LE(2, 8);
    const whole = Buffer.concat([header, Buffer.from('out\n'), Buffer.from('e\n')]);
    expect(decodeSpawnAnswer(whole)).toEqual({ code: 3, stdout: 'out\n', stderr: 'e\n' });
    for (const cut of [0, 11, 12, 15, whole.length - 1])
      expect(decodeSpawnAnswer(whole.subarray(0, cut))).toBeNull();
  });
});

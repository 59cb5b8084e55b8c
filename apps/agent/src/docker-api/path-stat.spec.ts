import { goFileMode, pathStatHeader } from './path-stat';

describe("docker cp's path stat", () => {
  it("should carry st_mode's type as Go's FileMode bits", () => {
    expect(goFileMode(0o040755)).toBe(2 ** 31 + 0o755);
    expect(goFileMode(0o100644)).toBe(0o644);
    expect(goFileMode(0o120777)).toBe(2 ** 27 + 0o777);
    expect(goFileMode(0o020666)).toBe(2 ** 26 + 2 ** 21 + 0o666);
    expect(goFileMode(0o104755)).toBe(2 ** 23 + 0o755);
    expect(goFileMode(0o041777)).toBe(2 ** 31 + 2 ** 20 + 0o777);
  });

  it('should encode the stat as base64 JSON', () => {
    const header = pathStatHeader({
      name: 'etc',
      size: 4096,
      mode: 0o040755,
      mtime: new Date('2026-12-07T20:00:00Z'),
      linkTarget: '',
    });
    expect(JSON.parse(Buffer.from(header, 'base64').toString())).toEqual({
      name: 'etc',
      size: 4096,
      mode: 2147484141,
      mtime: '2026-12-07T20:00:00.000Z',
      linkTarget: '',
    });
  });
});

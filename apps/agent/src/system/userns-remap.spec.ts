import {
  allRanges,
  idmappedLayersSupported,
  idMappings,
  nextFreeRange,
  remapAccount,
  remapIdentity,
  subordinateRanges,
} from './userns-remap';

const SUBUID = `# comment
alice:100000:65536
berthremap:165536:65536
1001:300000:10
berthremap:400000:1000
broken:line
zero:1:0
`;

describe('remapAccount', () => {
  it('should make default the berthremap account, made if absent', () => {
    expect(remapAccount('default')).toEqual({
      user: 'berthremap',
      group: 'berthremap',
      createIfMissing: true,
    });
  });

  it('should take USER and USER:GROUP, the group defaulting to the user', () => {
    expect(remapAccount('app')).toEqual({ user: 'app', group: 'app', createIfMissing: false });
    expect(remapAccount('app:staff')).toEqual({ user: 'app', group: 'staff', createIfMissing: false });
  });
});

describe('subordinateRanges', () => {
  it('should find every range of the name, in file order', () => {
    expect(subordinateRanges(SUBUID, 'berthremap', 999)).toEqual([
      { start: 165536, length: 65536 },
      { start: 400000, length: 1000 },
    ]);
  });

  it('should match a line by the numeric id too', () => {
    expect(subordinateRanges(SUBUID, 'bob', 1001)).toEqual([{ start: 300000, length: 10 }]);
    expect(subordinateRanges(SUBUID, 'bob', null)).toEqual([]);
  });

  it('should skip malformed and empty ranges', () => {
    expect(subordinateRanges(SUBUID, 'broken', null)).toEqual([]);
    expect(subordinateRanges(SUBUID, 'zero', null)).toEqual([]);
  });
});

describe('idMappings', () => {
  it('should lay container ids over the ranges one after another', () => {
    expect(
      idMappings([
        { start: 165536, length: 65536 },
        { start: 400000, length: 1000 },
      ]),
    ).toEqual([
      { containerID: 0, hostID: 165536, size: 65536 },
      { containerID: 65536, hostID: 400000, size: 1000 },
    ]);
  });
});

describe('nextFreeRange', () => {
  it('should start at 100000 on an empty file', () => {
    expect(nextFreeRange([])).toEqual({ start: 100000, length: 65536 });
  });

  it('should go past every range it would touch, whatever the file order', () => {
    expect(nextFreeRange(allRanges(SUBUID))).toEqual({ start: 231072, length: 65536 });
    expect(
      nextFreeRange([
        { start: 165536, length: 10 },
        { start: 100000, length: 65536 },
      ]),
    ).toEqual({
      start: 165546,
      length: 65536,
    });
  });

  it('should keep 100000 when the ranges are elsewhere', () => {
    expect(nextFreeRange([{ start: 500000, length: 65536 }])).toEqual({ start: 100000, length: 65536 });
  });
});

describe('remapIdentity', () => {
  const account = remapAccount('app:staff');

  it('should give the mappings and the root’s host ids', () => {
    expect(
      remapIdentity(account, [{ start: 100000, length: 65536 }], [{ start: 200000, length: 65536 }]),
    ).toEqual({
      uidMappings: [{ containerID: 0, hostID: 100000, size: 65536 }],
      gidMappings: [{ containerID: 0, hostID: 200000, size: 65536 }],
      rootUid: 100000,
      rootGid: 200000,
    });
  });

  it('should name the file and the line to add when a range is missing', () => {
    expect(() => remapIdentity(account, [], [{ start: 1, length: 1 }])).toThrow(
      '--userns-remap: app has no range in /etc/subuid; add one, e.g. "app:100000:65536"',
    );
    expect(() => remapIdentity(account, [{ start: 1, length: 1 }], [])).toThrow(
      'staff has no range in /etc/subgid',
    );
  });
});

describe(idmappedLayersSupported.name, () => {
  it('should need Linux 5.19 for overlayfs over idmapped layers', () => {
    expect(['6.18.0-1-amd64', '6.1.0-28-amd64', '5.19.0', '10.0'].map(idmappedLayersSupported)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['5.18.19', '5.10.0-30-amd64', '4.19.0'].map(idmappedLayersSupported)).toEqual([
      false,
      false,
      false,
    ]);
  });
});

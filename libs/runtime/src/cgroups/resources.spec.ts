import { cpusToQuota, sharesToWeight, v1Writes, v2Writes } from './resources';

describe('v1Writes', () => {
  it('should write the memory limit before memsw and the period before the quota', () => {
    const writes = v1Writes(
      { memory: { limit: 64 << 20, swap: 128 << 20 }, cpu: { quota: 150000, period: 100000, shares: 512 } },
      [],
    );
    const files = writes.map((w) => w.file);
    expect(files.indexOf('memory.limit_in_bytes')).toBeLessThan(files.indexOf('memory.memsw.limit_in_bytes'));
    expect(files.indexOf('cpu.cfs_period_us')).toBeLessThan(files.indexOf('cpu.cfs_quota_us'));
    expect(writes.find((w) => w.file === 'cpu.cfs_quota_us')).toEqual({
      controller: 'cpu',
      file: 'cpu.cfs_quota_us',
      value: '150000',
      specPath: 'linux.resources.cpu.quota',
    });
  });

  it('should map an unlimited pids limit to max and skip zero', () => {
    expect(v1Writes({ pids: { limit: -1 } }, []).map((w) => w.value)).toEqual(['max']);
    expect(v1Writes({ pids: { limit: 0 } }, [])).toEqual([]);
  });

  it('should turn device rules into devices.allow and devices.deny lines', () => {
    const writes = v1Writes(undefined, [
      { allow: false, access: 'rwm' },
      { allow: true, type: 'c', major: 1, minor: 3, access: 'rwm' },
      { allow: true, type: 'c', major: 136, minor: null, access: 'rwm' },
    ]);
    expect(writes.map((w) => `${w.file} ${w.value}`)).toEqual([
      'devices.deny a',
      'devices.allow c 1:3 rwm',
      'devices.allow c 136:* rwm',
    ]);
    expect(writes[2].specPath).toBe('linux.resources.devices[2]');
  });

  it('should limit huge pages per size in hugetlb, each refused by field where the size has no file', () => {
    expect(v1Writes({ hugepageLimits: [{ pageSize: '2MB', limit: 4194304 }] }, [])).toEqual([
      {
        controller: 'hugetlb',
        file: 'hugetlb.2MB.limit_in_bytes',
        value: '4194304',
        specPath: 'linux.resources.hugepageLimits[0]',
        missing: expect.stringContaining('no huge pages of 2MB'),
      },
    ]);
    expect(v2Writes({ hugepageLimits: [{ pageSize: '1GB', limit: 0 }] })).toEqual([
      expect.objectContaining({ file: 'hugetlb.1GB.max', value: '0' }),
    ]);
  });

  it('should write nothing without resources', () => {
    expect(v1Writes(undefined, [])).toEqual([]);
  });
});

describe('v2Writes', () => {
  it('should turn memory+swap into swap alone, quota into cpu.max and shares into weight', () => {
    const writes = v2Writes({
      memory: { limit: 64 << 20, swap: 128 << 20 },
      cpu: { quota: 150000, period: 100000, shares: 1024 },
      pids: { limit: 50 },
    });
    expect(Object.fromEntries(writes.map((w) => [w.file, w.value]))).toEqual({
      'memory.max': String(64 << 20),
      'memory.swap.max': String(64 << 20),
      'cpu.weight': '39',
      'cpu.max': '150000 100000',
      'pids.max': '50',
    });
  });

  it('should write max for unlimited memory and swap', () => {
    const writes = v2Writes({ memory: { limit: -1, swap: -1 } });
    expect(writes.map((w) => w.value)).toEqual(['max', 'max']);
  });

  it('should keep the default period when only a quota is given', () => {
    expect(v2Writes({ cpu: { quota: 50000 } })).toEqual([
      { file: 'cpu.max', value: '50000 100000', specPath: 'linux.resources.cpu.quota' },
    ]);
  });
});

describe('sharesToWeight', () => {
  it.each([
    [2, 1],
    [1024, 39],
    [262144, 10000],
    [0, 0],
  ])('should map %d shares to weight %d', (shares, weight) => {
    expect(sharesToWeight(shares)).toBe(weight);
  });
});

describe('cpusToQuota', () => {
  it('should express 1.5 CPUs as 150 ms per 100 ms', () => {
    expect(cpusToQuota(1.5)).toEqual({ quota: 150000, period: 100000 });
  });
});

import { cpuPercent, memoryPercent, parseNetDev } from './stats';

describe('cpuPercent', () => {
  it('should be 100 for one core busy over the interval, 0 without a previous sample', () => {
    expect(cpuPercent({ cpuUsageNs: 0, atMs: 1000 }, { cpuUsageNs: 500e6, atMs: 1500 })).toBeCloseTo(100);
    expect(cpuPercent({ cpuUsageNs: 0, atMs: 1000 }, { cpuUsageNs: 250e6, atMs: 2000 })).toBeCloseTo(25);
    expect(cpuPercent(null, { cpuUsageNs: 9, atMs: 1 })).toBe(0);
    expect(cpuPercent({ cpuUsageNs: 0, atMs: 5 }, { cpuUsageNs: 9, atMs: 5 })).toBe(0);
  });
});

describe('memoryPercent', () => {
  it('should use the limit, or the host memory when there is none', () => {
    expect(memoryPercent(50, 200, 1000)).toBe(25);
    expect(memoryPercent(50, null, 1000)).toBe(5);
  });
});

describe('parseNetDev', () => {
  it('should sum every interface but loopback', () => {
    const text = [
      'Inter-|   Receive                                                |  Transmit',
      ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed',
      '    lo:     100       1    0    0    0     0          0         0      100       1    0    0    0     0       0          0',
      '  eth0:    1500      10    0    0    0     0          0         0      700       7    0    0    0     0       0          0',
      '  eth1:      20       1    0    0    0     0          0         0        3       1    0    0    0     0       0          0',
    ].join('\n');
    expect(parseNetDev(text)).toEqual({ rx: 1520, tx: 703 });
  });
});

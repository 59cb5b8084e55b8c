import { blkioToIoWeight, v1IoWrites, v2IoWrites, v2Refusals } from './resources-io';
import { v1Writes, v2Writes } from './resources';

const BLOCK_IO = {
  weight: 500,
  leafWeight: 300,
  weightDevice: [{ major: 8, minor: 0, weight: 700, leafWeight: 200 }],
  throttleReadBpsDevice: [{ major: 8, minor: 0, rate: 1048576 }],
  throttleWriteBpsDevice: [{ major: 8, minor: 16, rate: 2097152 }],
  throttleReadIOPSDevice: [{ major: 8, minor: 0, rate: 100 }],
  throttleWriteIOPSDevice: [{ major: 8, minor: 0, rate: 200 }],
};
const NETWORK = {
  classID: 0x100001,
  priorities: [
    { name: 'eth0', priority: 5 },
    { name: 'lo', priority: 1 },
  ],
};

const line = (w: { controller?: string; file: string; value: string; specPath: string }) =>
  `${w.controller ? `${w.controller}/` : ''}${w.file}=${w.value} <- ${w.specPath}`;

describe('v1IoWrites', () => {
  it('should map every blockIO field to its blkio file, with BFQ’s weights as the alternatives', () => {
    const writes = v1IoWrites({ blockIO: BLOCK_IO });
    expect(writes.map(line)).toEqual([
      'blkio/blkio.weight=500 <- linux.resources.blockIO.weight',
      'blkio/blkio.leaf_weight=300 <- linux.resources.blockIO.leafWeight',
      'blkio/blkio.weight_device=8:0 700 <- linux.resources.blockIO.weightDevice[0].weight',
      'blkio/blkio.leaf_weight_device=8:0 200 <- linux.resources.blockIO.weightDevice[0].leafWeight',
      'blkio/blkio.throttle.read_bps_device=8:0 1048576 <- linux.resources.blockIO.throttleReadBpsDevice[0]',
      'blkio/blkio.throttle.write_bps_device=8:16 2097152 <- linux.resources.blockIO.throttleWriteBpsDevice[0]',
      'blkio/blkio.throttle.read_iops_device=8:0 100 <- linux.resources.blockIO.throttleReadIOPSDevice[0]',
      'blkio/blkio.throttle.write_iops_device=8:0 200 <- linux.resources.blockIO.throttleWriteIOPSDevice[0]',
    ]);
    expect(writes[0].alternatives).toEqual([{ file: 'blkio.bfq.weight', value: '500' }]);
    expect(writes[2].alternatives).toEqual([{ file: 'blkio.bfq.weight_device', value: '8:0 700' }]);
    expect(writes[0].missing).toContain('BFQ');
    expect(writes[4].alternatives).toEqual([]);
    expect(writes[4].missing).toBeUndefined();
  });

  it('should map the OOM killer switch and network classes and priorities', () => {
    expect(v1IoWrites({ memory: { disableOOMKiller: true }, network: NETWORK }).map(line)).toEqual([
      'memory/memory.oom_control=1 <- linux.resources.memory.disableOOMKiller',
      'net_cls/net_cls.classid=1048577 <- linux.resources.network.classID',
      'net_prio/net_prio.ifpriomap=eth0 5 <- linux.resources.network.priorities[0]',
      'net_prio/net_prio.ifpriomap=lo 1 <- linux.resources.network.priorities[1]',
    ]);
  });

  it('should write nothing for an OOM killer left on, and come after the other limits in v1Writes', () => {
    expect(v1IoWrites({ memory: { disableOOMKiller: false } })).toEqual([]);
    expect(v1IoWrites(undefined)).toEqual([]);
    const files = v1Writes({ memory: { limit: 64 << 20, disableOOMKiller: true } }, []).map((w) => w.file);
    expect(files).toEqual(['memory.limit_in_bytes', 'memory.oom_control']);
  });
});

describe('v2IoWrites', () => {
  it('should map weights to io.bfq.weight, else io.weight on its own scale, and throttles to io.max', () => {
    const writes = v2IoWrites({ blockIO: BLOCK_IO });
    expect(writes.map(line)).toEqual([
      'io.bfq.weight=500 <- linux.resources.blockIO.weight',
      'io.bfq.weight=8:0 700 <- linux.resources.blockIO.weightDevice[0].weight',
      'io.max=8:0 rbps=1048576 <- linux.resources.blockIO.throttleReadBpsDevice[0]',
      'io.max=8:16 wbps=2097152 <- linux.resources.blockIO.throttleWriteBpsDevice[0]',
      'io.max=8:0 riops=100 <- linux.resources.blockIO.throttleReadIOPSDevice[0]',
      'io.max=8:0 wiops=200 <- linux.resources.blockIO.throttleWriteIOPSDevice[0]',
    ]);
    expect(writes[0].alternatives).toEqual([{ file: 'io.weight', value: `default ${blkioToIoWeight(500)}` }]);
    expect(writes[1].alternatives).toEqual([{ file: 'io.weight', value: `8:0 ${blkioToIoWeight(700)}` }]);
    expect(v2Writes({ blockIO: { weight: 10 } }).map((w) => w.file)).toEqual(['io.bfq.weight']);
  });

  it('should scale blkio weights 10..1000 onto io.weight 1..10000 as runc', () => {
    expect([10, 100, 500, 1000].map(blkioToIoWeight)).toEqual([1, 910, 4950, 10000]);
  });
});

describe('v2Refusals', () => {
  it('should refuse by name what cgroup v2 cannot do', () => {
    const problems = v2Refusals({ memory: { disableOOMKiller: true }, blockIO: BLOCK_IO, network: NETWORK });
    expect(problems.map((p) => p.path)).toEqual([
      'linux.resources.memory.disableOOMKiller',
      'linux.resources.blockIO.leafWeight',
      'linux.resources.blockIO.weightDevice[0].leafWeight',
      'linux.resources.network',
    ]);
    expect(problems[0].message).toContain('cgroup v2 has no switch to disable the OOM killer');
    expect(problems[3].message).toContain('no net_cls or net_prio controller');
  });

  it('should accept what v2 can do, and an OOM killer left on', () => {
    expect(
      v2Refusals({
        memory: { disableOOMKiller: false, limit: 1 << 30 },
        blockIO: { weight: 100, throttleReadBpsDevice: [{ major: 8, minor: 0, rate: 1 }] },
        network: { priorities: [] },
      }),
    ).toEqual([]);
    expect(v2Refusals(undefined)).toEqual([]);
  });
});

import * as fs from 'node:fs';
import { HostError } from '../errors';
import type { CgroupDriver } from './driver';
import { detectCgroupLayout, type CgroupLayout } from './layout';
import { CgroupV1Driver } from './v1';
import { CgroupV2Driver } from './v2';

export type { CgroupDriver, CgroupPlan, CgroupStats } from './driver';
export { detectCgroupLayout, normaliseCgroupPath, type CgroupLayout, type V1Hierarchy } from './layout';
export { CgroupV1Driver } from './v1';
export { CgroupV2Driver } from './v2';

/** The driver for the layout this machine has: v1 controllers where v1 holds them (hybrid included), else v2. */
export function driverFor(layout: CgroupLayout): CgroupDriver {
  switch (layout.mode) {
    case 'v2':
      return new CgroupV2Driver(layout, layout.mountPoint);
    case 'v1':
    case 'hybrid':
      return new CgroupV1Driver(layout);
    case 'none':
      throw new HostError(
        'no cgroup filesystem is mounted (looked in /proc/self/mountinfo); mount cgroup2 at /sys/fs/cgroup',
      );
  }
}

export function openCgroupDriver(): CgroupDriver {
  return driverFor(detectCgroupLayout(fs.readFileSync('/proc/self/mountinfo', 'utf8')));
}

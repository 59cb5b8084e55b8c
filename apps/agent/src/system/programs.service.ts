/** How the agent runs host programs (ip, CNI plugins, iptables, mount) and starts container monitors: through one berth-shim spawner. */
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Rebind } from '@berth/network';
import { runChecked, type RunProgram } from '@berth/process';
import { ShimSpawner } from '@berth/runtime';
import * as path from 'node:path';
import type { AgentConfig } from '../config';
import { AGENT_CONFIG } from '../tokens';

@Injectable()
export class ProgramsService implements OnApplicationShutdown {
  /** also what starts container monitors (the runtime's launcher) */
  readonly spawner: ShimSpawner;
  readonly run: RunProgram;

  constructor(@Inject(AGENT_CONFIG) config: AgentConfig) {
    this.spawner = new ShimSpawner(path.join(config.execRoot, 'spawner.sock'));
    this.run = this.spawner.run;
  }

  /** mount --bind and umount --lazy in one go, without their parsing of the mount table (a parked network namespace's new name) */
  readonly rebind: Rebind = async (from, to) => {
    await runChecked(this.run, [this.spawner.shimPath, 'rebind', from, to]);
  };

  onApplicationShutdown(): void {
    this.spawner.stop();
  }
}

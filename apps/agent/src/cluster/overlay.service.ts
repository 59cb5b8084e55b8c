import { execFile } from 'node:child_process';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { desiredOverlay, overlayCommands, type OverlayNetworkState } from '@berth/network/overlay/plan';
import { ClusterAgentService } from './cluster-agent.service';
import { NetworkViewsService } from './network-views.service';

function run(argv: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(argv[0], argv.slice(1), (error, stdout, stderr) =>
      error ? reject(new Error(`${argv.join(' ')}: ${stderr.trim() || error.message}`)) : resolve(stdout),
    ),
  );
}

/** The overlay devices and forwarding entries this machine has now, read from the kernel. */
async function readOverlay(): Promise<OverlayNetworkState[]> {
  const links = JSON.parse((await run(['ip', '-j', 'link', 'show', 'type', 'vxlan'])) || '[]') as {
    ifname: string;
  }[];
  const states: OverlayNetworkState[] = [];
  for (const { ifname } of links) {
    const vni = /^vx(\d+)$/.exec(ifname)?.[1];
    if (!vni) continue;
    const entries = JSON.parse((await run(['bridge', '-j', 'fdb', 'show', 'dev', ifname])) || '[]') as {
      mac: string;
      dst?: string;
    }[];
    states.push({
      vni: Number(vni),
      fdb: entries.filter((e) => e.dst).map((e) => ({ mac: e.mac, dst: e.dst! })),
    });
  }
  return states;
}

/**
 * Keeps this machine's VXLAN data path in step with the networks it carries: whenever the
 * manager's views change, it reads what the kernel has and runs the commands to what is wanted.
 */
@Injectable()
export class OverlayService implements OnApplicationBootstrap {
  private readonly log = new Logger('overlay');
  private running = false;
  private again = false;

  constructor(
    private readonly views: NetworkViewsService,
    private readonly cluster: ClusterAgentService,
  ) {}

  onApplicationBootstrap(): void {
    this.views.onChange(() => this.kick());
  }

  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.loop();
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.sync().catch((error: Error) => this.log.warn(`overlay networks: ${error.message}`));
      } while (this.again);
    } finally {
      this.running = false;
    }
  }

  private async sync(): Promise<void> {
    const self = this.cluster.membership()?.nodeId ?? '';
    const commands = overlayCommands(await readOverlay(), desiredOverlay(this.views.all(), self));
    for (const command of commands) {
      try {
        await run(command);
      } catch (error) {
        // made or removed meanwhile (an earlier pass that failed half-way): the next pass reads the kernel again
        this.log.warn((error as Error).message);
      }
    }
  }
}

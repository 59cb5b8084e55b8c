import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import * as fs from 'node:fs';
import { runChecked } from '@berth/process';
import { macOf } from '@berth/network/ipam';
import { meshScript, MESH_TABLE } from '@berth/network/balancer/rules';
import {
  bridgeName,
  desiredOverlay,
  overlayCommands,
  type OverlayNetworkState,
} from '@berth/network/overlay/plan';
import { ClusterAgentService } from './cluster-agent.service';
import { NetworkViewsService } from './network-views.service';
import { ProgramsService } from '../system/programs.service';

/** The overlay devices and forwarding entries this machine has now, read from the kernel. */
async function readOverlay(run: (argv: string[]) => Promise<string>): Promise<OverlayNetworkState[]> {
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
 * On the ingress network it also keeps the machine's end of the routing mesh: its address on
 * the ingress bridge (with the MAC other machines forward to) and the `berth_mesh` table.
 */
@Injectable()
export class OverlayService implements OnApplicationBootstrap {
  private readonly log = new Logger('overlay');
  private running = false;
  private again = false;
  /** the mesh table last applied; null: not known (at start, whatever a previous agent left is replaced) */
  private meshApplied: string | null = null;

  constructor(
    private readonly views: NetworkViewsService,
    private readonly cluster: ClusterAgentService,
    private readonly programs: ProgramsService,
  ) {}

  /** ARGV's stdout, with INPUT on its stdin; fails naming it and its stderr. */
  private run(argv: string[], input?: string): Promise<string> {
    return runChecked(this.programs.run, argv, { input });
  }

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
    const commands = overlayCommands(
      await readOverlay((argv) => this.run(argv)),
      desiredOverlay(this.views.all(), self),
    );
    for (const command of commands) {
      try {
        await this.run(command);
      } catch (error) {
        // made or removed meanwhile (an earlier pass that failed half-way): the next pass reads the kernel again
        this.log.warn((error as Error).message);
      }
    }
    await this.syncMesh(self);
  }

  /** The routing mesh of this machine, from the ingress network's view (none: no mesh, no table). */
  private async syncMesh(self: string): Promise<void> {
    const view = this.views.all().find((v) => v.network.spec.ingress);
    const own = view?.endpoints.find((e) => !e.taskId && e.nodeId === self);
    const bridge = view ? bridgeName(view.network.vni) : '';
    if (view && own) {
      const addrs = JSON.parse((await this.run(['ip', '-j', 'addr', 'show', 'dev', bridge])) || '[]') as {
        address?: string;
        addr_info?: { family: string; local: string; prefixlen: number }[];
      }[];
      const mac = macOf(own.address);
      if (addrs[0]?.address !== mac) await this.run(['ip', 'link', 'set', 'dev', bridge, 'address', mac]);
      const has = (addrs[0]?.addr_info ?? []).map((a) => `${a.local}/${a.prefixlen}`);
      for (const stale of has.filter((a) => a !== own.address))
        await this.run(['ip', 'addr', 'del', stale, 'dev', bridge]);
      if (!has.includes(own.address)) await this.run(['ip', 'addr', 'add', own.address, 'dev', bridge]);
      // the mesh forwards from the machine's addresses to the ingress bridge
      fs.writeFileSync('/proc/sys/net/ipv4/ip_forward', '1');
    }
    const script = meshScript(view && own ? view : undefined, bridge);
    if (script === this.meshApplied) return;
    await this.run(['nft', '-f', '-'], script);
    this.meshApplied = script;
    this.log.debug(`${MESH_TABLE}: ${view ? 'updated' : 'removed'}`);
  }
}

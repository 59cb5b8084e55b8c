/**
 * A bridge network's rules on the host, kept by the agent rather than per container by the CNI
 * plugins: its two FORWARD rules and, unless internal, its outbound MASQUERADE rule; and, when
 * the network goes, its bridge device.
 */
import * as fs from 'node:fs';
import { ensureForwarding, ensureMasquerade, removeForwarding, removeMasquerade } from '@berth/network';
import type { RunProgram } from '@berth/process';
import type { NetworkRecord } from './network-record';

export class BridgeRules {
  /** Networks whose rules this agent has made sure of. */
  private readonly ensured = new Set<string>();

  constructor(private readonly run: RunProgram) {}

  /** N's forwarding, and its outbound NAT unless internal: made sure of once per agent. */
  async ensure(n: NetworkRecord): Promise<void> {
    if (n.driver === 'overlay' || this.ensured.has(n.name)) return;
    await ensureForwarding(n.bridge, this.run);
    if (!n.internal) await ensureMasquerade(n.subnet, n.bridge, this.run);
    this.ensured.add(n.name);
  }

  /** N's rules gone (N is removed). */
  async remove(n: NetworkRecord): Promise<void> {
    this.ensured.delete(n.name);
    await removeMasquerade(n.subnet, n.bridge, this.run);
    await removeForwarding(n.bridge, this.run);
  }

  /** N's bridge device gone, if there (N is removed). */
  async deleteBridge(n: NetworkRecord): Promise<void> {
    if (n.bridge && fs.existsSync(`/sys/class/net/${n.bridge}`))
      await this.run(['ip', 'link', 'delete', n.bridge]); // gone meanwhile is as good as deleted
  }
}

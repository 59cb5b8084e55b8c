import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { NetworkView } from '@berth/cluster';
import { balancerScript, serviceRecords } from '@berth/network';
import { runChecked } from '@berth/process';
import { RpcError, Status } from '@berth/proto';
import { ConflictError, InvalidArgumentError } from '../errors';
import type { ClusterAttachment } from '../networks/attachment';
import type { OverlayHooks, OverlayNetworkInfo } from '../networks/hooks';
import { MembershipRepository } from './membership.repository';
import { managerClient } from './manager-client';
import { NetworkViewsService } from './network-views.service';
import { ProgramsService } from '../system/programs.service';

interface Endpoint {
  netns: string;
  /** the overlay networks it is on, by name */
  networks: string[];
  /** the load-balancing script last applied */
  applied: string;
}

/**
 * The containers' side of overlay networks, from the manager's views: which overlay networks
 * exist here (for the engine's networking), what service names resolve to for a container on
 * them, and each such container's load-balancing table, applied before its process starts and
 * again whenever a service's set of ready tasks changes. Plain containers join attachable
 * overlays through it too: the manager gives the address, the view follows.
 */
@Injectable()
export class OverlayEndpointsService implements OverlayHooks, OnApplicationBootstrap {
  private readonly log = new Logger('overlay-endpoints');
  private readonly endpoints = new Map<string, Endpoint>();
  private running = false;
  private again = false;

  constructor(
    private readonly views: NetworkViewsService,
    private readonly memberships: MembershipRepository,
    private readonly programs: ProgramsService,
  ) {}

  onApplicationBootstrap(): void {
    this.views.onChange(() => this.kick());
  }

  find(ref: string): OverlayNetworkInfo | null {
    const view = this.views.all().find((v) => v.network.id === ref || v.network.spec.name === ref);
    if (!view) return null;
    const n = view.network;
    return { id: n.id, name: n.spec.name, vni: n.vni, subnet: n.subnet, attachable: n.spec.attachable };
  }

  resolve(networks: string[], name: string): string[] | null {
    return serviceRecords(this.viewsOf(networks), name);
  }

  released(containerId: string): void {
    this.endpoints.delete(containerId);
  }

  /** Ask the manager for a place on REF for a plain container, then wait until this machine carries REF. */
  async attach(ref: string, containerId: string): Promise<ClusterAttachment | null> {
    const membership = this.memberships.load();
    if (!membership) return null;
    const client = managerClient(membership);
    let answer;
    try {
      answer = await client.call('AttachNetwork', { network: ref, containerId });
    } catch (error) {
      if (!(error instanceof RpcError)) throw error;
      if (error.status === Status.NOT_FOUND) return null; // no such overlay either
      // the manager's refusal, as the engine's own kind of error ("not attachable", "no free address")
      if (error.status === Status.PERMISSION_DENIED || error.status === Status.INVALID_ARGUMENT)
        throw new InvalidArgumentError(error.message);
      throw new ConflictError(`joining network ${ref}: ${error.message}`);
    } finally {
      await client.close();
    }
    const attachment: ClusterAttachment = {
      networkId: answer.networkId,
      networkName: answer.networkName,
      attachmentId: answer.attachmentId,
      address: answer.address,
    };
    const deadline = Date.now() + 10_000;
    while (!this.find(attachment.networkId)) {
      if (Date.now() > deadline) {
        await this.detach(attachment).catch(() => undefined);
        throw new Error(`the manager did not send network ${attachment.networkName} to this machine in time`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return attachment;
  }

  async detach(attachment: ClusterAttachment): Promise<void> {
    const membership = this.memberships.load();
    if (!membership) return;
    const client = managerClient(membership);
    try {
      await client.call('DetachNetwork', {
        networkId: attachment.networkId,
        attachmentId: attachment.attachmentId,
      });
    } finally {
      await client.close();
    }
  }

  private viewsOf(names: readonly string[]): NetworkView[] {
    return this.views.all().filter((v) => names.includes(v.network.spec.name));
  }

  async plumbed(id: string, netns: string, names: string[]): Promise<void> {
    const endpoint = { netns, networks: names, applied: '' };
    this.endpoints.set(id, endpoint);
    await this.apply(endpoint);
  }

  private async apply(endpoint: Endpoint): Promise<void> {
    const script = balancerScript(this.viewsOf(endpoint.networks));
    if (script === endpoint.applied) return;
    // nft with the script on stdin, inside the container's network namespace
    await runChecked(this.programs.run, ['nsenter', `--net=${endpoint.netns}`, 'nft', '-f', '-'], {
      input: script,
    });
    endpoint.applied = script;
  }

  /** Every container's table brought up to date; passes never overlap, changes meanwhile make one more. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void (async () => {
      try {
        do {
          this.again = false;
          for (const [id, endpoint] of [...this.endpoints]) {
            await this.apply(endpoint).catch((error: Error) => {
              if (this.endpoints.has(id))
                this.log.warn({
                  msg: `load balancing of ${id.slice(0, 12)}: ${error.message}`,
                  container: id,
                });
            });
          }
        } while (this.again);
      } finally {
        this.running = false;
      }
    })();
  }
}

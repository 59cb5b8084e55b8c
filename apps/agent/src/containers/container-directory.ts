/**
 * Running containers by name, for the DNS server of each user network (networks/hooks.ts):
 * read from the container records, so networking needs no handle on the containers service.
 */
import { Injectable } from '@nestjs/common';
import type { EndpointDirectory } from '../networks/hooks';
import { ContainerRepository } from './container.repository';
import { isRunning } from './model';

@Injectable()
export class ContainerDirectory implements EndpointDirectory {
  constructor(private readonly repo: ContainerRepository) {}

  addressesOn(network: string, name: string): string[] | null {
    const wanted = name.toLowerCase();
    const found: string[] = [];
    for (const c of this.repo.all()) {
      if (!isRunning(c)) continue;
      const a = c.networks.find((x) => x.network === network && x.ip);
      if (!a) continue;
      const names = [c.name, c.id.slice(0, 12), c.id, ...a.aliases].map((n) => n.toLowerCase());
      if (names.includes(wanted)) found.push(a.ip);
    }
    return found.length ? found : null;
  }

  networksAt(network: string, ip: string): string[] | null {
    for (const c of this.repo.all()) {
      if (!isRunning(c) || !c.networks.some((a) => a.network === network && a.ip === ip)) continue;
      return c.networks.map((a) => a.network);
    }
    return null;
  }
}

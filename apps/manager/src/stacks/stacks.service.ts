import { Injectable } from '@nestjs/common';
import {
  FILE_OBJECT_WORD,
  STACK_LABEL,
  type Network,
  type Service,
  type ServiceSpec,
  type StackSummary,
} from '@berth/cluster';

export type { StackSummary };
import type { Write } from '@berth/store';
import { conflict, invalid, notFound } from '../errors';
import { NetworksService } from '../networks/networks.service';
import { RolloutsService } from '../rollouts/rollouts.service';
import { assertValid, ServicesService } from '../services/services.service';
import { StateService } from '../state/state.service';
import { digestOf, FilesService } from '../files/files.service';
import { planStack, planStackRemoval, type DesiredFile, type DesiredNetwork } from './stack-plan';

/**
 * Stacks (`berth stack deploy`): a stack's networks and services, made, updated and pruned in one
 * etcd transaction, so a deploy is applied whole or not at all. Services whose spec did not
 * change are not written; those whose tasks must change roll out as any update does.
 */
@Injectable()
export class StacksService {
  constructor(
    private readonly state: StateService,
    private readonly services: ServicesService,
    private readonly networks: NetworksService,
    private readonly rollouts: RolloutsService,
    private readonly files: FilesService,
  ) {}

  async deploy(
    stack: string,
    specs: ServiceSpec[],
    wantedNetworks: DesiredNetwork[],
    wantedFiles: DesiredFile[],
    options: { prune: boolean; dryRun: boolean },
  ): Promise<StackSummary> {
    const files = wantedFiles.map((f) => ({
      ...f,
      labels: f.external ? f.labels : { ...f.labels, [STACK_LABEL]: stack },
      digest: digestOf(Buffer.from(f.data, 'base64')),
    }));
    const existing = new Set(this.networks.list().map((n) => n.spec.name));
    const made: Network[] = [];
    for (const n of wantedNetworks.filter((n) => !n.external && !existing.has(n.name)))
      made.push(
        this.networks.build(
          {
            name: n.name,
            driver: 'overlay',
            labels: { ...n.labels, [STACK_LABEL]: stack },
            attachable: n.attachable,
            ingress: false,
            subnet: n.subnet,
          },
          made,
        ),
      );
    const current = this.services.list();
    // each spec as the manager keeps it: checked, networks by id, ingress ports published
    const resolved: ServiceSpec[] = [];
    const pendingServices: Service[] = [];
    for (const spec of specs) {
      assertValid(spec);
      this.files.assertReferences(spec, files);
      const self = current.find((s) => s.spec.name === spec.name) ?? null;
      const ready = this.services.withPorts(this.services.withNetworkIds(spec, made), self, pendingServices);
      resolved.push(ready);
      pendingServices.push(this.services.newService(ready));
    }
    const plan = planStack(
      stack,
      { services: resolved, networks: wantedNetworks, files },
      {
        services: current,
        networks: this.networks.list(),
        secrets: this.files.list('secrets'),
        configs: this.files.list('configs'),
      },
      options.prune,
    );
    if (plan.problems.length) throw invalid(plan.problems.join('; '));
    const madeFiles = await Promise.all(
      plan.createFiles.map(async (f) => ({
        kind: f.kind,
        object: await this.files.build(
          f.kind,
          { name: f.name, labels: f.labels },
          Buffer.from(f.data, 'base64'),
        ),
      })),
    );
    const summary: StackSummary = {
      networks: made.map((n) => n.spec.name),
      created: plan.create.map((s) => s.name),
      updated: plan.update.map((u) => u.spec.name),
      unchanged: plan.unchanged.map((s) => s.spec.name),
      removed: plan.remove.map((s) => s.spec.name),
      removedNetworks: plan.removeNetworks.map((n) => n.spec.name),
      files: plan.createFiles.map((f) => `${FILE_OBJECT_WORD[f.kind]} ${f.name}`),
      removedFiles: plan.removeFiles.map((f) => `${FILE_OBJECT_WORD[f.kind]} ${f.object.spec.name}`),
    };
    if (options.dryRun) return summary;
    const writes: Write[] = [
      ...made.map((object): Write => ({ op: 'create', kind: 'networks', object })),
      ...madeFiles.map(({ kind, object }): Write => ({ op: 'create', kind, object })),
      ...plan.create.map((spec): Write => ({
        op: 'create',
        kind: 'services',
        object: this.services.newService(spec),
      })),
      ...plan.remove.map((object): Write => ({ op: 'delete', kind: 'services', object })),
      ...plan.removeNetworks.map((object): Write => ({ op: 'delete', kind: 'networks', object })),
      ...plan.removeFiles.map(({ kind, object }): Write => ({ op: 'delete', kind, object })),
    ];
    for (const { service, spec } of plan.update) {
      const { next, rollout } = this.services.updated(service, spec);
      if (rollout) await this.rollouts.enqueue(next.id, next.specVersion);
      writes.push({ op: 'update', kind: 'services', object: next });
    }
    if (writes.length) {
      const result = await this.state.commit(writes, { atomic: true });
      if (result.conflicts.length)
        throw conflict(`stack ${stack} changed while it was deployed; deploy again`);
    }
    return summary;
  }

  /** Every service, network, secret and config of STACK (those others use are kept), in one transaction. */
  async remove(stack: string): Promise<StackSummary> {
    const { services, networks, files, kept } = planStackRemoval(stack, {
      services: this.services.list(),
      networks: this.networks.list(),
      secrets: this.files.list('secrets'),
      configs: this.files.list('configs'),
    });
    if (!services.length && !networks.length && !files.length && !kept.length)
      throw notFound(`nothing found in stack: ${stack}`);
    const result = await this.state.commit(
      [
        ...services.map((object): Write => ({ op: 'delete', kind: 'services', object })),
        ...networks.map((object): Write => ({ op: 'delete', kind: 'networks', object })),
        ...files.map(({ kind, object }): Write => ({ op: 'delete', kind, object })),
      ],
      { atomic: true },
    );
    if (result.conflicts.length) throw conflict(`stack ${stack} changed meanwhile; try again`);
    return {
      networks: networks.map((n) => n.spec.name),
      created: [],
      updated: [],
      unchanged: [],
      removed: services.map((s) => s.spec.name),
      removedFiles: files.map((f) => `${FILE_OBJECT_WORD[f.kind]} ${f.object.spec.name}`),
      kept,
    };
  }
}

/**
 * Making a container from a request: its name, its image (pulled if asked and missing), the plan
 * (plan.ts), a cluster overlay's address for `--network <overlay>`, checks of what it refers to,
 * its volumes, then its record. Nothing half-made stays behind a refusal.
 */
import * as fs from 'node:fs';
import type { ImageRecord, Images, ProgressEvent } from '@berth/image';
import { ConflictError, InvalidArgumentError, NotFoundError } from '../errors';
import type { EventsService } from '../events/events.service';
import type { ImagesService } from '../images/images.service';
import type { NetworksService } from '../networks/networks.service';
import type { VolumesService } from '../volumes/volumes.service';
import type { ContainerRepository } from './container.repository';
import { emitContainerEvent } from './container-events';
import type { ContainerLayout } from './container-layout';
import { generateName, isValidName, newContainerId, type ContainerRecord } from './model';
import { planContainer } from './plan';
import type { ContainerRequest } from './request';
import type { RemapIdentity } from '../system/userns-remap';

export type PullListener = (e: ProgressEvent | { digest: string; status: string }) => void;
export type CreatorNetworks = Pick<
  NetworksService,
  'attachOverlay' | 'detachOverlays' | 'find' | 'get' | 'checkPorts'
>;
export type CreatorVolumes = Pick<VolumesService, 'ensure' | 'dataDir' | 'use'>;
export type CreatorImages = Pick<Images, 'tryResolve' | 'containerConfig' | 'hold'>;

export class ContainerCreator {
  constructor(
    private readonly repo: Pick<ContainerRepository, 'all' | 'find' | 'save'>,
    private readonly images: CreatorImages,
    private readonly pull: Pick<ImagesService, 'pull'>['pull'],
    private readonly networks: CreatorNetworks,
    private readonly volumes: CreatorVolumes,
    private readonly layout: Pick<ContainerLayout, 'makeRootfsDirs' | 'copyImageContent'>,
    private readonly events: Pick<EventsService, 'emit'>,
    /** berthd --userns-remap's mappings, which every container but --userns=host ones gets */
    private readonly remap: RemapIdentity | null = null,
  ) {}

  /** ON_PULL hears a pull's progress, then its closing words, when the image is not here yet. */
  async create(request: ContainerRequest, onPull?: PullListener): Promise<ContainerRecord> {
    const name = this.nameFor(request.name);
    const image = await this.imageFor(request, onPull);
    const record = planContainer(
      request,
      {
        reference: request.image,
        configDigest: image.configDigest,
        manifestDigest: image.manifestDigest,
        config: this.images.containerConfig(image.manifestDigest),
      },
      this.newId(),
      name,
      new Date(),
      this.remap,
    );
    await this.joinClusterOverlay(record);
    try {
      await this.check(record);
    } catch (error) {
      await this.networks.detachOverlays(record);
      throw error;
    }
    this.makeMountSources(record, image);
    this.layout.makeRootfsDirs(record);
    this.images.hold(
      record.id,
      [image.manifestDigest],
      image.layers.map((l) => l.chainId),
    );
    this.repo.save(record);
    emitContainerEvent(this.events, record, 'create');
    return record;
  }

  /** The name asked for, checked and free; or one made up. */
  private nameFor(asked: string): string {
    const name = asked.replace(/^\//, '');
    if (!name) return generateName(new Set(this.repo.all().map((c) => c.name)));
    if (!isValidName(name))
      throw new InvalidArgumentError(
        `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`,
      );
    const holder = this.repo.all().find((c) => c.name === name);
    if (holder)
      throw new ConflictError(
        `The container name "/${name}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`,
      );
    return name;
  }

  private async imageFor(request: ContainerRequest, onPull?: PullListener): Promise<ImageRecord> {
    const here = this.images.tryResolve(request.image);
    if (here) return here;
    if (!request.pull.missing) throw new NotFoundError(`No such image: ${request.image}`);
    const pulled = await this.pull(request.image, {
      onProgress: onPull,
      auth: request.pull.auth ?? undefined,
    });
    onPull?.({ digest: pulled.digest, status: pulled.status });
    return pulled.image;
  }

  /** An attachable overlay of the cluster: on it with the manager's address, out through the bridge. */
  private async joinClusterOverlay(record: ContainerRecord): Promise<void> {
    const cluster = await this.networks.attachOverlay(record.hostConfig.network, record.id);
    if (!cluster) return;
    record.networks.unshift({
      network: cluster.networkName,
      ip: '',
      prefixLength: 0,
      gateway: '',
      mac: '',
      aliases: record.hostConfig.networkAliases,
      requestedAddress: cluster.address,
      cluster,
    });
    record.hostConfig.network = 'bridge';
    record.hostConfig.networkAliases = [];
  }

  /** What the container refers to exists: its networks, free host ports, bind sources. */
  private async check(record: ContainerRecord): Promise<void> {
    if (record.hostConfig.network !== 'bridge' || this.networks.find(record.hostConfig.network))
      this.networks.get(record.hostConfig.network);
    for (const a of record.networks) this.networks.get(a.network);
    await this.networks.checkPorts(record.hostConfig.ports);
    // a --mount bind (a service's too) needs its source; only -v makes a missing one
    for (const m of record.mounts)
      if (m.type === 'bind' && !m.createHostPath && !fs.existsSync(m.source))
        throw new InvalidArgumentError(
          `invalid mount config for type "bind": bind source path does not exist: ${m.source}`,
        );
  }

  /** Volumes made (a new one starts as a copy of the image's content there), missing -v sources made. */
  private makeMountSources(record: ContainerRecord, image: ImageRecord): void {
    for (const m of record.mounts) {
      if (m.type === 'volume') {
        const { volume, created } = this.volumes.ensure(m.source || null);
        m.source = volume.name;
        m.hostPath = this.volumes.dataDir(volume.name);
        if (created) this.layout.copyImageContent(image, m.destination, m.hostPath, record.userns);
        this.volumes.use(volume.name, record.id);
      } else if (m.type === 'bind' && !fs.existsSync(m.source)) {
        fs.mkdirSync(m.source, { recursive: true }); // as -v does for a missing host directory
      }
    }
  }

  private newId(): string {
    for (;;) {
      const id = newContainerId();
      if (!this.repo.find(id.slice(0, 12))) return id;
    }
  }
}

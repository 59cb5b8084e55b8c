/**
 * How the containers module's parts are made: factories, so that what reads the disk does so
 * here, once, and each part gets exactly the collaborators it names (and its tests, fakes).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Provider } from '@nestjs/common';
import { NativeShimLauncher, Runtime } from '@berth/runtime';
import { AGENT_CONFIG, USERNS_REMAP } from '../tokens';
import type { RemapIdentity } from '../system/userns-remap';
import type { AgentConfig } from '../config';
import { EventsService } from '../events/events.service';
import { ImagesService } from '../images/images.service';
import { NetworksService } from '../networks/networks.service';
import { ProgramsService } from '../system/programs.service';
import { VolumesService } from '../volumes/volumes.service';
import { ContainerRepository } from './container.repository';
import { ContainerCreator } from './container-creator';
import { ContainerDirectory } from './container-directory';
import { ContainerLayout } from './container-layout';
import { ContainerLifecycle } from './container-lifecycle';
import { HealthMonitor } from './health-monitor';
import { RestartTimers } from './restart-timers';
import { RunSetup } from './run-setup';
import { ContainersService } from './containers.service';

function hostResolvConf(): string {
  try {
    return fs.readFileSync('/etc/resolv.conf', 'utf8');
  } catch {
    return '';
  }
}

export const CONTAINER_PROVIDERS: Provider[] = [
  {
    provide: ContainerRepository,
    useFactory: (c: AgentConfig) => ContainerRepository.open(path.join(c.dataRoot, 'containers')),
    inject: [AGENT_CONFIG],
  },
  {
    provide: Runtime,
    useFactory: (c: AgentConfig, programs: ProgramsService) =>
      Runtime.open({
        stateRoot: path.join(c.execRoot, 'containers'),
        cgroupParent: c.cgroupParent,
        shim: new NativeShimLauncher(programs.spawner.shimPath, programs.spawner),
      }),
    inject: [AGENT_CONFIG, ProgramsService],
  },
  {
    provide: ContainerLayout,
    useFactory: (c: AgentConfig, repo: ContainerRepository, images: ImagesService) =>
      ContainerLayout.open(c.dataRoot, repo, images.images),
    inject: [AGENT_CONFIG, ContainerRepository, ImagesService],
  },
  { provide: RestartTimers, useFactory: () => new RestartTimers() },
  {
    provide: HealthMonitor,
    useFactory: (repo: ContainerRepository, runtime: Runtime, events: EventsService) =>
      new HealthMonitor(repo, runtime, events),
    inject: [ContainerRepository, Runtime, EventsService],
  },
  {
    provide: RunSetup,
    useFactory: (
      repo: ContainerRepository,
      runtime: Runtime,
      networks: NetworksService,
      layout: ContainerLayout,
      images: ImagesService,
    ) => new RunSetup(repo, runtime, networks, layout, images.images, hostResolvConf),
    inject: [ContainerRepository, Runtime, NetworksService, ContainerLayout, ImagesService],
  },
  {
    provide: ContainerCreator,
    useFactory: (
      repo: ContainerRepository,
      images: ImagesService,
      networks: NetworksService,
      volumes: VolumesService,
      layout: ContainerLayout,
      events: EventsService,
      remap: RemapIdentity | null,
    ) =>
      new ContainerCreator(
        repo,
        images.images,
        (reference, options) => images.pull(reference, options),
        networks,
        volumes,
        layout,
        events,
        remap,
      ),
    inject: [
      ContainerRepository,
      ImagesService,
      NetworksService,
      VolumesService,
      ContainerLayout,
      EventsService,
      USERNS_REMAP,
    ],
  },
  {
    provide: ContainerLifecycle,
    useFactory: (
      repo: ContainerRepository,
      runtime: Runtime,
      setup: RunSetup,
      networks: NetworksService,
      volumes: VolumesService,
      images: ImagesService,
      health: HealthMonitor,
      restarts: RestartTimers,
      events: EventsService,
    ) =>
      new ContainerLifecycle({
        repo,
        runtime,
        setup,
        networks,
        volumes,
        images: images.images,
        health,
        restarts,
        events,
      }),
    inject: [
      ContainerRepository,
      Runtime,
      RunSetup,
      NetworksService,
      VolumesService,
      ImagesService,
      HealthMonitor,
      RestartTimers,
      EventsService,
    ],
  },
  ContainerDirectory,
  ContainersService,
];

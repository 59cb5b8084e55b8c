/**
 * What `info` says of this engine, in Docker's shape (`docker info`): the engine API and the
 * Docker API answer from here.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { Inject, Injectable } from '@nestjs/common';
import { AGENT_CONFIG } from '../tokens';
import type { AgentConfig } from '../config';
import { ContainersService } from '../containers/containers.service';
import { ImagesService } from '../images/images.service';
import { NetworksService } from '../networks/networks.service';
import { ClusterAgentService } from '../cluster/cluster-agent.service';
import { ENGINE_VERSION } from './version';

@Injectable()
export class SystemInfoService {
  private readonly startedAt = new Date();

  constructor(
    @Inject(AGENT_CONFIG) private readonly config: AgentConfig,
    private readonly containers: ContainersService,
    private readonly imagesService: ImagesService,
    private readonly networks: NetworksService,
    private readonly cluster: ClusterAgentService,
  ) {}

  /** Docker's `Swarm` section: whether this machine is in a cluster, and as which node. */
  private swarm(): Record<string, unknown> {
    const membership = this.cluster.membership();
    if (!membership) return { LocalNodeState: 'inactive', NodeID: '', ClusterID: '', ManagerAddr: '' };
    return {
      LocalNodeState: 'active',
      NodeID: membership.nodeId,
      ClusterID: membership.clusterId,
      Role: membership.role,
      ManagerAddr: membership.managerAddr,
    };
  }

  info(): Record<string, unknown> {
    const all = this.containers.repo.all();
    const count = (s: string) => all.filter((c) => c.state.status === s).length;
    const cgroupVersion = this.containers.runtime.cgroups.version;
    return {
      ID: this.config.dataRoot,
      Containers: all.length,
      ContainersRunning: count('running'),
      ContainersPaused: count('paused'),
      ContainersStopped: all.length - count('running') - count('paused'),
      Images: this.imagesService.images.list().length,
      Driver: 'overlay2',
      CgroupDriver: 'cgroupfs',
      CgroupVersion: String(cgroupVersion),
      KernelVersion: os.release(),
      OperatingSystem: osName(),
      OSType: 'linux',
      Architecture: os.machine(),
      NCPU: os.cpus().length,
      MemTotal: os.totalmem(),
      Name: os.hostname(),
      ServerVersion: ENGINE_VERSION,
      DockerRootDir: this.config.dataRoot,
      ExecRoot: this.config.execRoot,
      LoggingDriver: 'json-file',
      DefaultRuntime: 'berth-shim',
      LiveRestoreEnabled: true,
      InsecureRegistries: this.config.insecureRegistries,
      Networks: this.networks.list().map((n) => n.name),
      Swarm: this.swarm(),
      SystemTime: new Date().toISOString(),
      StartedAt: this.startedAt.toISOString(),
    };
  }
}

function osName(): string {
  try {
    return /PRETTY_NAME="?([^"\n]*)"?/.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] ?? 'Linux';
  } catch {
    return 'Linux';
  }
}

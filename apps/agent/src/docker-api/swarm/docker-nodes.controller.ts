/**
 * The Docker Engine API's swarm, node and task routes, forwarded to the manager beside this
 * engine (manager-link.ts) and answered in Docker's shapes (@berth/cluster's docker/), filtered
 * as swarmkit filters (swarm-filters.ts).
 */
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  dockerNode,
  dockerSwarm,
  dockerTask,
  isTaskDirty,
  nodeSpecFromDocker,
  dockerService,
  type Node,
  type Service,
  type Task,
} from '@berth/cluster';
import { NotFoundError } from '../../errors';
import { DockerFilters } from '../docker-filters';
import { ManagerLink } from './manager-link';
import { NODE_FILTERS, nodeMatches, TASK_FILTERS, taskMatches } from './swarm-filters';

@Controller()
export class DockerNodesController {
  constructor(private readonly manager: ManagerLink) {}

  @Get('swarm')
  async swarm() {
    return dockerSwarm(await this.manager.cluster(), { joinTokens: true });
  }

  @Get('nodes')
  async nodes(@Query('filters') filters?: string) {
    const wanted = DockerFilters.parse(filters, NODE_FILTERS);
    return (await this.manager.nodes()).map((n) => dockerNode(n)).filter((n) => nodeMatches(n, wanted));
  }

  @Get('nodes/:id')
  async node(@Param('id') ref: string) {
    return dockerNode(await this.manager.node(ref));
  }

  @Post('nodes/:id/update')
  @HttpCode(200)
  async updateNode(
    @Param('id') ref: string,
    @Query('version') version: string | undefined,
    @Body() body: unknown,
  ) {
    const spec = nodeSpecFromDocker(body);
    await this.manager.call('UpdateNode', {
      ref,
      specJson: JSON.stringify(spec),
      version: Number(version ?? 0),
    });
  }

  @Delete('nodes/:id')
  @HttpCode(200)
  async removeNode(@Param('id') ref: string, @Query('force') force?: string) {
    await this.manager.call('RemoveNode', { ref, force: force === '1' || force === 'true' });
  }

  @Get('tasks')
  async tasks(@Query('filters') filters?: string) {
    const wanted = DockerFilters.parse(filters, TASK_FILTERS);
    const { tasks, services, nodes, view } = await this.taskContext();
    const upToDate = wanted.bool('_up-to-date');
    // swarmkit's up-to-date: the task runs what its service now says, by content (a rollback to
    // the spec a task runs leaves it up to date), which `docker service update/rollback` follow
    const current = (t: Task) => {
      const service = services.get(t.serviceId);
      return service !== undefined && !isTaskDirty(t, service);
    };
    const context = {
      services: new Map([...services].map(([id, s]) => [id, dockerService(s)])),
      nodes: new Map([...nodes].map(([id, n]) => [id, dockerNode(n)])),
    };
    return tasks
      .filter((t) => upToDate === null || current(t) === upToDate)
      .map(view)
      .filter((t) => taskMatches(t, wanted, context));
  }

  @Get('tasks/:id')
  async task(@Param('id') ref: string) {
    const { tasks, view } = await this.taskContext();
    const task =
      tasks.find((t) => t.id === ref) ?? tasks.find((t) => ref.length >= 3 && t.id.startsWith(ref));
    if (!task) throw new NotFoundError(`task ${ref} not found`);
    return view(task);
  }

  private async taskContext() {
    const [tasks, services, nodes, networks] = await Promise.all([
      this.manager.tasks(),
      this.manager.services(),
      this.manager.nodes(),
      this.manager.networks(),
    ]);
    return {
      tasks,
      services: new Map<string, Service>(services.map((s) => [s.id, s])),
      nodes: new Map<string, Node>(nodes.map((n) => [n.id, n])),
      view: (t: Task) => dockerTask(t, { networks }),
    };
  }
}

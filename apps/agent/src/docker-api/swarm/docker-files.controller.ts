/**
 * The Docker Engine API's secret and config routes, forwarded to the manager beside this engine:
 * a secret's data never comes back, a config's does (base64, as Docker's Spec.Data). Berth keeps
 * them immutable, as swarm does but for labels: an update that changes nothing (what `docker stack
 * deploy` sends for a config it deployed before) is answered, any other refused naming what to do.
 */
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotImplementedException,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import {
  dockerConfig,
  dockerSecret,
  fileSpecFromDocker,
  type FileObjectKind,
  type FileObjectView,
} from '@berth/cluster';
import { DockerFilters } from '../docker-filters';
import { ManagerLink } from './manager-link';
import { FILE_FILTERS, fileMatches } from './swarm-filters';

const WORD: Record<FileObjectKind, string> = { secrets: 'secret', configs: 'config' };

abstract class DockerFileObjectsController {
  constructor(
    private readonly manager: ManagerLink,
    private readonly kind: FileObjectKind,
  ) {}

  private view(o: FileObjectView) {
    return this.kind === 'secrets' ? dockerSecret(o) : dockerConfig(o);
  }

  @Get()
  async list(@Query('filters') filters?: string) {
    const wanted = DockerFilters.parse(filters, FILE_FILTERS);
    return (await this.manager.files(this.kind))
      .map((o) => this.view(o))
      .filter((o) => fileMatches(o, wanted));
  }

  @Get(':id')
  async inspect(@Param('id') ref: string) {
    return this.view(await this.manager.file(this.kind, ref));
  }

  @Post('create')
  @HttpCode(201)
  async create(@Body() body: unknown) {
    const { spec, data } = fileSpecFromDocker(this.kind, body);
    const created = await this.manager.call('CreateFileObject', {
      kind: this.kind,
      specJson: JSON.stringify(spec),
      data,
    });
    return { ID: (JSON.parse(created.json) as { id: string }).id };
  }

  @Post(':id/update')
  @HttpCode(200)
  async update(@Param('id') ref: string, @Body() body: unknown): Promise<void> {
    const current = await this.manager.file(this.kind, ref);
    const { spec, data } = fileSpecFromDocker(this.kind, { Data: '', ...(body as object) });
    const sameLabels =
      JSON.stringify(sortedEntries(spec.labels)) === JSON.stringify(sortedEntries(current.spec.labels));
    const sameData =
      this.kind === 'secrets'
        ? data.length === 0
        : current.data === undefined || Buffer.from(data).toString('base64') === current.data;
    if (spec.name === current.spec.name && sameLabels && sameData) return;
    throw new NotImplementedException(
      `a ${WORD[this.kind]} cannot be changed in Berth (its labels neither): create one under a new name and point the services at it`,
    );
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id') ref: string): Promise<void> {
    await this.manager.call('RemoveFileObject', { kind: this.kind, ref });
  }
}

function sortedEntries(labels: Record<string, string>): [string, string][] {
  return Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
}

@Controller('secrets')
export class DockerSecretsController extends DockerFileObjectsController {
  constructor(manager: ManagerLink) {
    super(manager, 'secrets');
  }
}

@Controller('configs')
export class DockerConfigsController extends DockerFileObjectsController {
  constructor(manager: ManagerLink) {
    super(manager, 'configs');
  }
}

/** `GET /system/df` (`docker system df`): what images, containers and volumes take on disk. */
import { Controller, Get } from '@nestjs/common';
import { ContainersService } from '../containers/containers.service';
import { ImagesService } from '../images/images.service';
import { diskUsage, VolumesService } from '../volumes/volumes.service';
import { diskUsageDocument } from './docker-df-views';
import { volumeUsers } from './docker-volume-views';
import { RequestApiVersion } from './request-version';

@Controller('system')
export class DockerDiskUsageController {
  constructor(
    private readonly containers: ContainersService,
    private readonly imagesService: ImagesService,
    private readonly volumes: VolumesService,
  ) {}

  @Get('df')
  df(@RequestApiVersion() version: string) {
    const images = this.imagesService.images;
    const records = this.containers.repo.all();
    const users = volumeUsers(records);
    return diskUsageDocument(
      {
        layersSize: images.diskUsage(),
        images: images.list(),
        containers: records.map((record) => ({
          record,
          sizeRw: diskUsage(this.containers.layout.upperDir(record)),
        })),
        volumes: this.volumes.list().map((volume) => {
          const mountpoint = this.volumes.dataDir(volume.name);
          return {
            volume,
            mountpoint,
            usage: { size: diskUsage(mountpoint), refCount: users.get(volume.name)?.length ?? 0 },
          };
        }),
      },
      version,
    );
  }
}

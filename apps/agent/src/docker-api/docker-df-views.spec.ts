import type { ImageSummary } from '@berth/image';
import { containerRecord, containerState } from '../containers/testing';
import { diskUsageDocument, type DiskUsageFacts } from './docker-df-views';

const image = (repository: string, tag: string, id: `sha256:${string}`, size: number): ImageSummary => ({
  repository,
  tag,
  id,
  digest: `${id}0`,
  created: '2024-05-01T10:00:00Z',
  size,
});

function facts(): DiskUsageFacts {
  const web = containerRecord('c1', 'web', {}, containerState('running'));
  web.imageId = 'sha256:aa';
  return {
    layersSize: 5000,
    images: [
      image('busybox', 'latest', 'sha256:aa', 2000),
      image('busybox', '1', 'sha256:aa', 2000),
      image('<none>', '<none>', 'sha256:bb', 3000),
    ],
    containers: [{ record: web, sizeRw: 10 }],
    volumes: [
      {
        volume: {
          name: 'data',
          driver: 'local',
          created: '2024-05-01T10:00:00Z',
          labels: {},
          anonymous: false,
        },
        mountpoint: '/v/data/_data',
        usage: { size: 42, refCount: 1 },
      },
    ],
  };
}

describe(diskUsageDocument.name, () => {
  it('should give one image per id, with its tags and the containers using it', () => {
    const doc = diskUsageDocument(facts(), '1.50');
    expect(doc.LayersSize).toBe(5000);
    expect(doc.Images).toEqual([
      expect.objectContaining({
        Id: 'sha256:aa',
        RepoTags: ['busybox:latest', 'busybox:1'],
        Size: 2000,
        Containers: 1,
      }),
      expect.objectContaining({ Id: 'sha256:bb', RepoTags: [], Size: 3000, Containers: 0 }),
    ]);
    expect(doc.Images[0]).not.toHaveProperty('VirtualSize');
  });

  it("should give each container its writable layer's size, and each volume its usage", () => {
    const doc = diskUsageDocument(facts(), '1.50');
    expect(doc.Containers[0]).toMatchObject({
      Id: 'c1',
      Names: ['/web'],
      SizeRw: 10,
      SizeRootFs: 2010,
      State: 'running',
    });
    expect(doc.Volumes[0]).toMatchObject({ Name: 'data', UsageData: { Size: 42, RefCount: 1 } });
    expect(doc.BuildCache).toEqual([]);
  });

  it('should add VirtualSize for clients older than API 1.44', () => {
    expect(diskUsageDocument(facts(), '1.41').Images[0]).toMatchObject({ VirtualSize: 2000 });
  });
});

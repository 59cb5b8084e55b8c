import type { Digest, ImageConfig, ImageRecord } from '@berth/image';
import {
  deleteItems,
  globMatcher,
  historyItems,
  imageInspect,
  imageSummary,
  listImages,
  pruneReport,
  type ImageEntry,
} from './docker-image-views';
import { FilterError } from './docker-views';

const digest = (c: string) => `sha256:${c.repeat(64)}` as Digest;

function entry(
  c: string,
  tags: string[],
  created: string,
  labels: Record<string, string> = {},
  repoDigests: string[] = [],
): ImageEntry {
  const image: ImageRecord = {
    manifestDigest: `sha256:${'9'.repeat(63)}${c}` as Digest,
    manifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
    configDigest: digest(c),
    layers: [],
    platform: { os: 'linux', architecture: 'amd64' },
    created,
    size: 1000,
    repoDigests,
    addedAt: '2026-12-07T12:00:00Z',
  };
  const config: ImageConfig = {
    created,
    architecture: 'amd64',
    os: 'linux',
    config: { Labels: labels, Cmd: ['sh'] },
    rootfs: { type: 'layers', diff_ids: [] },
    history: [{ created, created_by: 'berth import', comment: 'imported' }],
  };
  return { image, tags, config };
}

const busybox = entry('a', ['docker.io/library/busybox:latest'], '2026-12-07T10:00:00Z', { team: 'a' }, [
  `docker.io/library/busybox@${digest('f')}`,
]);
const app = entry(
  'b',
  ['localhost:5000/team/app:1', 'localhost:5000/team/app:2', 'docker.io/library/app:1'],
  '2026-12-07T11:00:00Z',
  { team: 'b', tier: 'web' },
);
const dangling = entry('c', [], '2026-12-07T09:00:00Z');
const createdOf = (name: string) =>
  ({ busybox: Date.parse('2026-12-07T10:00:00Z'), app: Date.parse('2026-12-07T11:00:00Z') })[name] ?? 0;
const list = (filters: string[]) => listImages([busybox, app, dangling], filters, createdOf, '1.50');

describe('Docker API image views', () => {
  describe(imageSummary.name, () => {
    it("should give an image as Docker's ImageSummary, with familiar names", () => {
      expect(imageSummary(busybox, '1.50')).toEqual({
        Id: digest('a'),
        ParentId: '',
        RepoTags: ['busybox:latest'],
        RepoDigests: [`busybox@${digest('f')}`],
        Created: Date.parse('2026-12-07T10:00:00Z') / 1000,
        Size: 1000,
        SharedSize: -1,
        Labels: { team: 'a' },
        Containers: -1,
      });
    });

    it('should add VirtualSize for a client older than API 1.44, as dockerd does', () => {
      expect(imageSummary(busybox, '1.41')).toMatchObject({ VirtualSize: 1000 });
      expect(imageSummary(busybox, '1.44')).not.toHaveProperty('VirtualSize');
    });

    it('should list an untagged image with no tags', () => {
      expect(imageSummary(dangling, '1.50').RepoTags).toEqual([]);
    });
  });

  describe(listImages.name, () => {
    const ids = (rows: { Id: string }[]) => rows.map((r) => r.Id);

    it('should list every image once, newest first', () => {
      expect(ids(list([]))).toEqual([digest('b'), digest('a'), digest('c')]);
    });

    it('should keep dangling images, or only tagged ones', () => {
      expect(ids(list(['dangling=true']))).toEqual([digest('c')]);
      expect(ids(list(['dangling=false']))).toEqual([digest('b'), digest('a')]);
      expect(() => list(['dangling=maybe'])).toThrow(FilterError);
    });

    it('should keep images by label key, or key and value', () => {
      expect(ids(list(['label=team']))).toEqual([digest('b'), digest('a')]);
      expect(ids(list(['label=team=a']))).toEqual([digest('a')]);
      expect(ids(list(['label=team', 'label=tier=web']))).toEqual([digest('b')]);
    });

    it('should keep images made before or since another', () => {
      expect(ids(list(['before=app']))).toEqual([digest('a'), digest('c')]);
      expect(ids(list(['since=busybox']))).toEqual([digest('b')]);
    });

    it('should keep only the tags and digests a reference pattern matches, by repository or name:tag', () => {
      expect(list(['reference=localhost:5000/team/app'])[0].RepoTags).toEqual([
        'localhost:5000/team/app:1',
        'localhost:5000/team/app:2',
      ]);
      expect(list(['reference=*:1'])[0].RepoTags).toEqual(['app:1']);
      expect(ids(list(['reference=busy*']))).toEqual([digest('a')]);
      expect(list(['reference=nothing'])).toEqual([]);
      expect(list(['reference=localhost:5000/team/*'])[0].RepoDigests).toEqual([]);
      expect(list(['reference=busybox'])[0].RepoDigests).toEqual([`busybox@${digest('f')}`]);
    });

    it('should refuse a filter it does not know', () => {
      expect(() => list(['until=1h'])).toThrow("invalid filter 'until'");
    });
  });

  describe(globMatcher.name, () => {
    it.each([
      ['busy*', 'busybox', true],
      ['*', 'team/app', false],
      ['*/*', 'team/app', true],
      ['app:?', 'app:1', true],
      ['app:[0-9]', 'app:2', true],
      ['app.x', 'appax', false],
    ])('should match %s against %s as Go path.Match: %s', (pattern, name, matches) => {
      expect(globMatcher(pattern)(name)).toBe(matches);
    });
  });

  describe(imageInspect.name, () => {
    it("should add what Docker's inspect document has beside the store's view", () => {
      const doc = imageInspect(
        { Id: digest('a'), Size: 1000 },
        busybox,
        { layerDirs: ['/l/2', '/l/1'] },
        '1.50',
      );
      expect(doc).toMatchObject({
        Id: digest('a'),
        Parent: '',
        Comment: 'imported',
        GraphDriver: { Name: 'overlay2', Data: { LowerDir: '/l/2:/l/1' } },
        Metadata: { LastTagTime: '2026-12-07T12:00:00Z' },
      });
      expect(doc).not.toHaveProperty('VirtualSize');
    });
  });

  describe(historyItems.name, () => {
    it("should give history rows in Docker's shape, the image's tags on its own row", () => {
      const items = historyItems(
        [
          { id: digest('a'), created: '2026-12-07T10:00:00Z', createdBy: 'CMD ["sh"]', size: 0, comment: '' },
          { id: '<missing>', createdBy: 'berth import', size: 1000, comment: 'imported' },
        ],
        ['docker.io/library/busybox:latest'],
      );
      expect(items).toEqual([
        {
          Id: digest('a'),
          Created: Date.parse('2026-12-07T10:00:00Z') / 1000,
          CreatedBy: 'CMD ["sh"]',
          Tags: ['busybox:latest'],
          Size: 0,
          Comment: '',
        },
        {
          Id: '<missing>',
          Created: 0,
          CreatedBy: 'berth import',
          Tags: null,
          Size: 1000,
          Comment: 'imported',
        },
      ]);
    });
  });

  describe(deleteItems.name, () => {
    it('should list the names untagged, then the images deleted', () => {
      expect(deleteItems({ untagged: ['busybox:latest'], deleted: [digest('a')] })).toEqual([
        { Untagged: 'busybox:latest' },
        { Deleted: digest('a') },
      ]);
    });
  });

  describe(pruneReport.name, () => {
    it('should list each image deleted after its tags, and the bytes reclaimed', () => {
      const tags = (id: Digest) => (id === digest('a') ? ['docker.io/library/busybox:latest'] : []);
      expect(pruneReport([digest('a'), digest('c')], tags, 42)).toEqual({
        ImagesDeleted: [{ Untagged: 'busybox:latest' }, { Deleted: digest('a') }, { Deleted: digest('c') }],
        SpaceReclaimed: 42,
      });
    });

    it('should answer null when nothing was deleted, as dockerd', () => {
      expect(pruneReport([], () => [], 0)).toEqual({ ImagesDeleted: null, SpaceReclaimed: 0 });
    });
  });
});

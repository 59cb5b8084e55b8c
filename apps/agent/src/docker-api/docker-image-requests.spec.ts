import { AuthenticationError } from '@berth/image';
import { InvalidArgumentError, NotFoundError } from '../errors';
import {
  buildRequest,
  BuildKitUnsupportedError,
  forDockerClient,
  importConfig,
  noSuchImage,
  platformOf,
  progressMessage,
  prunesAll,
  pullReference,
  registryAuth,
  taggedName,
} from './docker-image-requests';
import { flag } from './query';
import { FilterError } from './docker-views';
import { dockerErrorOf } from './http-errors';

const auth = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('Docker API image requests', () => {
  describe(flag.name, () => {
    it.each([
      ['1', true],
      ['true', true],
      ['True', true],
      [['0', '1'], true],
      ['0', false],
      ['false', false],
      [undefined, false],
    ])('should read %p as %p', (value, expected) => {
      expect(flag(value)).toBe(expected);
    });
  });

  describe(registryAuth.name, () => {
    it('should read the credentials the docker client sends, base64url or padded base64', () => {
      const header = auth({ username: 'u?>', password: 'p', serveraddress: 'localhost:5000' });
      expect(registryAuth(header)).toEqual({ username: 'u?>', password: 'p' });
      expect(registryAuth(Buffer.from('{"username":"u","password":"p"}').toString('base64'))).toEqual({
        username: 'u',
        password: 'p',
      });
    });

    it('should read no header, and one without a user name, as no credentials', () => {
      expect(registryAuth(undefined)).toBeUndefined();
      expect(registryAuth(auth({}))).toBeUndefined();
      expect(registryAuth(auth({ serveraddress: 'x' }))).toBeUndefined();
    });

    it('should refuse a header that is not base64 JSON', () => {
      expect(() => registryAuth('not json')).toThrow(InvalidArgumentError);
    });
  });

  describe(pullReference.name, () => {
    it.each([
      ['busybox', 'latest', 'busybox:latest'],
      ['busybox:1', '2', 'busybox:2'],
      ['localhost:5000/a/b', 'v1', 'localhost:5000/a/b:v1'],
      ['localhost:5000/a/b', undefined, 'localhost:5000/a/b'],
      ['busybox', `sha256:${'a'.repeat(64)}`, `busybox@sha256:${'a'.repeat(64)}`],
      [`busybox@sha256:${'a'.repeat(64)}`, 'latest', `busybox@sha256:${'a'.repeat(64)}`],
    ])('should pull %s with tag %p as %s', (fromImage, tag, expected) => {
      expect(pullReference(fromImage, tag)).toBe(expected);
    });
  });

  describe(taggedName.name, () => {
    it('should put the tag on the repository, or keep the repository as it is', () => {
      expect(taggedName('localhost:5000/a/b', 'v2')).toBe('localhost:5000/a/b:v2');
      expect(taggedName('localhost:5000/a/b:v1', 'v2')).toBe('localhost:5000/a/b:v2');
      expect(taggedName('localhost:5000/a/b', undefined)).toBe('localhost:5000/a/b');
    });
  });

  describe(noSuchImage.name, () => {
    it('should name the image as dockerd does: a name with its tag, an id as given, with a 404', () => {
      expect(noSuchImage('busybox')).toEqual(new NotFoundError('No such image: busybox:latest'));
      expect(noSuchImage('localhost:5000/a/b:1').message).toBe('No such image: localhost:5000/a/b:1');
      expect(noSuchImage('abc123').message).toBe('No such image: abc123');
      expect(dockerErrorOf(noSuchImage('x')).status).toBe(404);
    });
  });

  describe(forDockerClient.name, () => {
    it("should tell a registry's refusal with docker login, and leave other errors", () => {
      const refusal = forDockerClient(new AuthenticationError('r:5000', 'run `berth login r:5000`'));
      expect(refusal).toBeInstanceOf(AuthenticationError);
      expect((refusal as Error).message).toBe(
        'r:5000: unauthorized: authentication required; log in with `docker login r:5000`',
      );
      expect(dockerErrorOf(refusal).status).toBe(401);
      const other = new Error('boom');
      expect(forDockerClient(other)).toBe(other);
    });
  });

  describe(progressMessage.name, () => {
    it('should give byte progress in progressDetail, and other steps with an empty one', () => {
      expect(progressMessage({ id: 'abc', action: 'Downloading', current: 5, total: 10 })).toEqual({
        status: 'Downloading',
        progressDetail: { current: 5, total: 10 },
        id: 'abc',
      });
      expect(progressMessage({ id: 'abc', action: 'Pull complete' })).toEqual({
        status: 'Pull complete',
        progressDetail: {},
        id: 'abc',
      });
      expect(progressMessage({ id: 'abc', action: 'Mounted', detail: 'team/base' }).status).toBe(
        'Mounted from team/base',
      );
    });
  });

  describe(buildRequest.name, () => {
    it('should read the classic build query the docker client sends', () => {
      expect(
        buildRequest({
          t: ['a:1', 'b:2'],
          dockerfile: 'sub/Dockerfile',
          buildargs: '{"X":"1","UNSET":null}',
          labels: '{}',
          target: 'final',
          nocache: '1',
          q: '1',
          cgroupparent: '',
          version: '1',
        }),
      ).toEqual({
        tags: ['a:1', 'b:2'],
        dockerfile: 'sub/Dockerfile',
        buildArgs: { X: '1' },
        target: 'final',
        noCache: true,
        quiet: true,
      });
      expect(buildRequest({ t: 'a:1' })).toEqual({
        tags: ['a:1'],
        buildArgs: {},
        noCache: false,
        quiet: false,
      });
    });

    it('should refuse BuildKit with 501, saying how to use the classic builder', () => {
      expect(() => buildRequest({ version: '2' })).toThrow(BuildKitUnsupportedError);
      const { status, body } = dockerErrorOf(new BuildKitUnsupportedError());
      expect(status).toBe(501);
      expect(body.message).toContain('DOCKER_BUILDKIT=0');
    });

    it.each([{ remote: 'https://example.com/ctx.tar' }, { buildargs: '[1]' }, { labels: '{"a":"b"}' }])(
      'should refuse %p',
      (query) => {
        expect(() => buildRequest(query)).toThrow(InvalidArgumentError);
      },
    );
  });

  describe(platformOf.name, () => {
    it('should read os/arch[/variant]', () => {
      expect(platformOf('linux/arm64/v8')).toEqual({ os: 'linux', architecture: 'arm64', variant: 'v8' });
      expect(platformOf('linux/amd64')).toEqual({ os: 'linux', architecture: 'amd64' });
      expect(() => platformOf('linux')).toThrow(InvalidArgumentError);
    });
  });

  describe(importConfig.name, () => {
    it("should apply an import's changes, and refuse one that is not an instruction", () => {
      expect(importConfig(['CMD ["sh"]', 'ENV A=1'])).toMatchObject({ Cmd: ['sh'], Env: ['A=1'] });
      expect(() => importConfig(['nonsense'])).toThrow(InvalidArgumentError);
    });
  });

  describe(prunesAll.name, () => {
    it('should prune untagged images unless dangling=false', () => {
      expect(prunesAll([])).toBe(false);
      expect(prunesAll(['dangling=true'])).toBe(false);
      expect(prunesAll(['dangling=false'])).toBe(true);
      expect(() => prunesAll(['until=24h'])).toThrow(FilterError);
    });
  });
});

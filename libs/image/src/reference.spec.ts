import { InvalidReferenceError } from './errors';
import { familiarName, formatReference, normaliseReference, parseReference, withTag } from './reference';

const D = 'sha256:' + 'ab'.repeat(32);

describe('parseReference', () => {
  it.each([
    ['busybox', 'docker.io/library/busybox:latest'],
    ['busybox:1.36', 'docker.io/library/busybox:1.36'],
    ['library/busybox', 'docker.io/library/busybox:latest'],
    ['team/app', 'docker.io/team/app:latest'],
    ['docker.io/busybox', 'docker.io/library/busybox:latest'],
    ['index.docker.io/library/busybox', 'docker.io/library/busybox:latest'],
    ['localhost:5000/team/app:1.2', 'localhost:5000/team/app:1.2'],
    ['localhost/app', 'localhost/app:latest'],
    ['registry.example.com/a/b/c:v1', 'registry.example.com/a/b/c:v1'],
    ['127.0.0.1:5000/x', '127.0.0.1:5000/x:latest'],
    [`busybox@${D}`, `docker.io/library/busybox@${D}`],
    [`busybox:1.36@${D}`, `docker.io/library/busybox:1.36@${D}`],
    ['my_app/with-dashes__and.dots', 'docker.io/my_app/with-dashes__and.dots:latest'],
  ])('should normalise %s to %s', (input, expected) => {
    expect(normaliseReference(input)).toBe(expected);
  });

  it('should split into domain, path, tag and digest', () => {
    expect(parseReference('localhost:5000/team/app:1.2')).toEqual({
      domain: 'localhost:5000',
      path: 'team/app',
      tag: '1.2',
    });
    expect(parseReference(`app@${D}`)).toEqual({ domain: 'docker.io', path: 'library/app', digest: D });
  });

  it.each([
    ['', 'empty'],
    ['Busybox', 'must be lowercase'],
    ['team/App', 'must be lowercase'],
    ['busybox:', 'tag ""'],
    ['busybox:-bad', 'tag "-bad"'],
    ['busybox@sha256:abc', 'is not a sha256 digest'],
    ['a//b', 'is not a valid repository name component'],
    ['bad_-name', 'is not a valid repository name component'],
    ['localhost:port/app', 'is not a valid registry host'],
  ])('should refuse %p (%s)', (input, reason) => {
    expect(() => parseReference(input)).toThrow(InvalidReferenceError);
    expect(() => parseReference(input)).toThrow(reason);
  });
});

describe('familiarName', () => {
  it('should show Docker Hub names as Docker does', () => {
    expect(familiarName(parseReference('busybox'))).toBe('busybox:latest');
    expect(familiarName(parseReference('team/app:1'))).toBe('team/app:1');
    expect(familiarName(parseReference('localhost:5000/app'))).toBe('localhost:5000/app:latest');
  });
});

describe('withTag', () => {
  it('should keep the repository and drop any digest', () => {
    expect(formatReference(withTag(parseReference(`app@${D}`), 'v2'))).toBe('docker.io/library/app:v2');
  });
});

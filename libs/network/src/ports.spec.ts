import { InvalidPortSpecError } from './errors';
import { formatMapping, parsePortSpec, publishAll } from './ports';

describe('parsePortSpec', () => {
  it.each<[string, object[]]>([
    ['8080:80', [{ hostIp: '', hostPort: 8080, containerPort: 80, protocol: 'tcp' }]],
    ['127.0.0.1:8080:80/udp', [{ hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'udp' }]],
    ['80', [{ hostIp: '', hostPort: 0, containerPort: 80, protocol: 'tcp' }]],
    ['127.0.0.1::80', [{ hostIp: '127.0.0.1', hostPort: 0, containerPort: 80, protocol: 'tcp' }]],
    [
      '8000-8001:80-81',
      [
        { hostIp: '', hostPort: 8000, containerPort: 80, protocol: 'tcp' },
        { hostIp: '', hostPort: 8001, containerPort: 81, protocol: 'tcp' },
      ],
    ],
    ['[::1]:80:80', [{ hostIp: '::1', hostPort: 80, containerPort: 80, protocol: 'tcp' }]],
  ])('should read %p', (spec, expected) => {
    expect(parsePortSpec(spec)).toEqual(expected);
  });

  it.each([
    ['80/http', 'unknown protocol'],
    ['70000:80', 'ports run from 1 to 65535'],
    ['a:80', 'is not a port'],
    ['1:2:3:4', 'too many colons'],
    ['host:8080:80', 'is not an IP address'],
    ['8000-8002:80-81', 'ranges differ in size'],
  ])('should refuse %p (%s)', (spec, reason) => {
    expect(() => parsePortSpec(spec)).toThrow(InvalidPortSpecError);
    expect(() => parsePortSpec(spec)).toThrow(reason);
  });
});

describe('publishAll', () => {
  it('should publish exposed ports not already published', () => {
    const published = parsePortSpec('8080:80');
    expect(publishAll(['80/tcp', '53/udp', '443'], published)).toEqual([
      { hostIp: '', hostPort: 0, containerPort: 53, protocol: 'udp' },
      { hostIp: '', hostPort: 0, containerPort: 443, protocol: 'tcp' },
    ]);
  });
});

describe('formatMapping', () => {
  it('should print as docker ps does', () => {
    expect(formatMapping({ hostIp: '', hostPort: 8080, containerPort: 80, protocol: 'tcp' })).toBe(
      '0.0.0.0:8080->80/tcp',
    );
  });
});

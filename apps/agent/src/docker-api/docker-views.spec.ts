import { containerRecord, containerState } from '../containers/testing';
import { MAX_API_VERSION } from './api-version';
import { containerSummary, filterList, FilterError, versionDocument } from './docker-views';

describe('Docker API views', () => {
  describe(versionDocument.name, () => {
    it("should describe the engine in the fields the docker CLI's version prints", () => {
      const v = versionDocument({
        engineVersion: '0.1.0',
        kernelVersion: '6.1.0',
        arch: 'x64',
        nodeVersion: 'v20.19.0',
      });
      expect(v).toMatchObject({
        Version: '0.1.0',
        ApiVersion: MAX_API_VERSION,
        MinAPIVersion: '1.41',
        Os: 'linux',
        Arch: 'amd64',
      });
      expect(v.Experimental).toBe(false);
      expect(v.Components[0].Details.Experimental).toBe('false');
      expect(v.Components[0]).toMatchObject({
        Name: 'Engine',
        Version: '0.1.0',
        Details: { KernelVersion: '6.1.0' },
      });
    });
  });

  describe(containerSummary.name, () => {
    it("should give a container as Docker's ContainerSummary", () => {
      const c = containerRecord(
        'a'.repeat(64),
        'web',
        { team: 'a' },
        containerState('running', 0, { startedAt: '2026-12-07T12:00:00Z' }),
      );
      c.created = '2026-12-07T11:59:00Z';
      c.path = 'sh';
      c.args = ['-c', 'sleep 1'];
      c.boundPorts = [
        { hostIp: '', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
        { hostIp: '', hostPort: 0, containerPort: 53, protocol: 'udp' },
      ];
      c.mounts = [
        { type: 'volume', source: 'data', destination: '/data', readOnly: false, hostPath: '/v/data/_data' },
      ];
      const s = containerSummary(c, Date.parse('2026-12-07T12:00:05Z'));
      expect(s).toMatchObject({
        Id: c.id,
        Names: ['/web'],
        Command: 'sh -c sleep 1',
        Created: Date.parse('2026-12-07T11:59:00Z') / 1000,
        State: 'running',
        Status: 'Up 5 seconds',
        Labels: { team: 'a' },
        HostConfig: { NetworkMode: 'default' },
        Mounts: [{ Type: 'volume', Name: 'data', Source: '/v/data/_data', Destination: '/data', RW: true }],
      });
      expect(s.Ports).toEqual([
        { IP: '0.0.0.0', PublicPort: 8080, PrivatePort: 80, Type: 'tcp' },
        { PrivatePort: 53, Type: 'udp' },
      ]);
    });

    it('should list no ports for a container that is not running', () => {
      const c = containerRecord('b'.repeat(64), 'old', {}, containerState('exited'));
      c.created = '2026-12-07T11:59:00Z';
      c.boundPorts = [{ hostIp: '', hostPort: 8080, containerPort: 80, protocol: 'tcp' }];
      expect(containerSummary(c).Ports).toEqual([]);
    });
  });

  describe(filterList.name, () => {
    it("should read both of Docker's filter spellings", () => {
      expect(filterList('{"status":["running","paused"],"label":["a=b"]}')).toEqual([
        'status=running',
        'status=paused',
        'label=a=b',
      ]);
      expect(filterList('{"name":{"web":true,"db":false}}')).toEqual(['name=web']);
      expect(filterList(undefined)).toEqual([]);
    });

    it.each(['nope', '[1]', '{"name":[1]}', '{"name":"web"}'])('should refuse %s', (query) => {
      expect(() => filterList(query)).toThrow(FilterError);
    });
  });
});

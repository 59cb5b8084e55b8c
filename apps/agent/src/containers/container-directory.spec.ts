import { ContainerDirectory } from './container-directory';
import type { ContainerRepository } from './container.repository';
import { containerRecord, containerState, MemoryRepository } from './testing';

function on(id: string, name: string, status: 'running' | 'exited', ip: string, aliases: string[] = []) {
  const c = containerRecord(id.padEnd(64, '0'), name, {}, containerState(status));
  c.networks = [
    { network: 'app', ip, prefixLength: 24, gateway: '10.1.0.1', mac: '', aliases },
    { network: 'other', ip: '10.2.0.9', prefixLength: 24, gateway: '10.2.0.1', mac: '', aliases: [] },
  ];
  return c;
}

const directory = (...records: ReturnType<typeof on>[]) =>
  new ContainerDirectory(new MemoryRepository(...records) as unknown as ContainerRepository);

describe(ContainerDirectory.name, () => {
  describe('addressesOn', () => {
    it('should find running containers by name, short or full id and alias, whatever the case', () => {
      const d = directory(
        on('aaaaaaaaaaaa', 'Web', 'running', '10.1.0.2', ['www']),
        on('bbbbbbbbbbbb', 'web2', 'running', '10.1.0.3', ['www']),
      );
      expect(d.addressesOn('app', 'web')).toEqual(['10.1.0.2']);
      expect(d.addressesOn('app', 'aaaaaaaaaaaa')).toEqual(['10.1.0.2']);
      expect(d.addressesOn('app', 'WWW')).toEqual(['10.1.0.2', '10.1.0.3']);
      expect(d.addressesOn('app', 'nobody')).toBeNull();
    });

    it('should not answer for stopped containers, or on a network the name is not on', () => {
      const d = directory(on('aaaaaaaaaaaa', 'web', 'exited', '10.1.0.2'));
      expect(d.addressesOn('app', 'web')).toBeNull();
      expect(
        directory(on('aaaaaaaaaaaa', 'web', 'running', '10.1.0.2')).addressesOn('elsewhere', 'web'),
      ).toBeNull();
    });
  });

  describe('networksAt', () => {
    it('should name the networks of the running container asking from an address', () => {
      const d = directory(on('aaaaaaaaaaaa', 'web', 'running', '10.1.0.2'));
      expect(d.networksAt('app', '10.1.0.2')).toEqual(['app', 'other']);
      expect(d.networksAt('app', '10.1.0.99')).toBeNull();
    });
  });
});

import { DecodeError } from '../decode/decoder';
import { mutations } from '../decode/fuzz';
import createEveryFlag from './captured/service-create-every-flag.json';
import stack from './captured/stack-deploy-vote.json';
import { UnsupportedFieldError } from './read';
import { serviceSpecFromDocker } from './service-from-docker';

/** A valid body with VALUE set at PATH (dots between keys, `[n]` for list items). */
function bodyWith(path: string, value: unknown): Record<string, unknown> {
  const body: Record<string, unknown> = {
    Name: 'web',
    TaskTemplate: {
      ContainerSpec: {
        Image: 'nginx',
        Mounts: [{ Type: 'volume', Source: 'data', Target: '/data' }],
        Secrets: [{ SecretName: 'db', File: { Name: 'db', UID: '0', GID: '0', Mode: 0o444 } }],
        Configs: [{ ConfigName: 'conf', File: { Name: 'conf', UID: '0', GID: '0', Mode: 0o444 } }],
        Healthcheck: { Test: ['CMD', 'true'] },
      },
      Networks: [{ Target: 'front' }],
      RestartPolicy: {},
    },
    Mode: { Replicated: { Replicas: 1 } },
    UpdateConfig: {},
    RollbackConfig: {},
    EndpointSpec: { Ports: [{ TargetPort: 80 }] },
  };
  const keys = path.split(/\.|\[(\d+)\]/).filter(Boolean);
  let node = body as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
  return body;
}

function refusal(body: unknown): DecodeError {
  try {
    serviceSpecFromDocker(body);
  } catch (error) {
    if (error instanceof DecodeError) return error;
    throw error;
  }
  throw new Error('accepted');
}

const C = 'TaskTemplate.ContainerSpec';

describe(serviceSpecFromDocker.name, () => {
  describe('what Berth cannot do', () => {
    it.each([
      [`${C}.Groups`, ['wheel']],
      [`${C}.TTY`, true],
      [`${C}.OpenStdin`, true],
      [`${C}.Hosts`, ['10.0.0.9 db']],
      [`${C}.DNSConfig`, { Nameservers: ['1.1.1.1'] }],
      [`${C}.OomScoreAdj`, -500],
      [`${C}.Isolation`, 'hyperv'],
      [`${C}.Privileges.NoNewPrivileges`, true],
      [`${C}.Privileges.SELinuxContext`, { Type: 'spc_t' }],
      [`${C}.Privileges.AppArmor`, { Mode: 'disabled' }],
      [`${C}.Privileges.CredentialSpec`, { File: 'spec.json' }],
      [`${C}.Mounts[0].Type`, 'npipe'],
      [`${C}.Mounts[0].Type`, 'cluster'],
      [`${C}.Mounts[0].BindOptions.Propagation`, 'rshared'],
      [`${C}.Mounts[0].BindOptions.NonRecursive`, true],
      [`${C}.Mounts[0].BindOptions.CreateMountpoint`, true],
      [`${C}.Mounts[0].VolumeOptions.NoCopy`, true],
      [`${C}.Mounts[0].VolumeOptions.Subpath`, 'sub'],
      [`${C}.Mounts[0].VolumeOptions.DriverConfig.Name`, 'nfs'],
      [`${C}.Mounts[0].VolumeOptions.DriverConfig.Options`, { o: 'addr=1.2.3.4' }],
      [`${C}.Mounts[0].TmpfsOptions`, { SizeBytes: 1024 }],
      [`${C}.Mounts[0].ImageOptions`, { Subpath: 'x' }],
      [`${C}.Healthcheck.StartInterval`, 1e9],
      [`${C}.Configs[0].Runtime`, { x: 1 }],
      ['TaskTemplate.Runtime', 'plugin'],
      ['TaskTemplate.PluginSpec', { Name: 'vieux/sshfs' }],
      ['TaskTemplate.NetworkAttachmentSpec', { ContainerID: 'c1' }],
      ['TaskTemplate.Resources.SwapBytes', 1024],
      ['TaskTemplate.Resources.MemorySwappiness', 10],
      ['TaskTemplate.Networks[0].DriverOpts', { com: 'x' }],
      ['Mode.ReplicatedJob', {}],
      ['Mode.GlobalJob', {}],
      ['EndpointSpec.Ports[0].Name', 'http'],
      ['EndpointSpec.Ports[0].Protocol', 'sctp'],
    ])('should refuse %s set to %j, naming it', (path, value) => {
      const error = refusal(bodyWith(path, value));
      expect(error).toBeInstanceOf(UnsupportedFieldError);
      expect(error.path).toBe(path);
      expect(error.message).toMatch(new RegExp(`^${path.replace(/[.[\]]/g, '\\$&')}: \\S`));
    });

    it('should ignore with a warning what `berth stack deploy` ignores too', () => {
      const body = bodyWith('TaskTemplate.LogDriver', { Name: 'json-file', Options: { 'max-size': '10m' } });
      Object.assign(body.TaskTemplate as Record<string, unknown>, {
        Resources: {
          Limits: { Pids: 100 },
          Reservations: { GenericResources: [{ DiscreteResourceSpec: { Kind: 'SSD', Value: 1 } }] },
        },
      });
      expect(serviceSpecFromDocker(body).warnings).toEqual([
        'Ignoring unsupported options: TaskTemplate.LogDriver, TaskTemplate.Resources.Limits.Pids, TaskTemplate.Resources.Reservations.GenericResources',
      ]);
    });
  });

  describe('what is not a service spec', () => {
    it.each([
      ['a body that is not an object', 'web', 'body', /expected an object, got a string/],
      ['an Env that is not a list', bodyWith(`${C}.Env`, 'A=1'), `${C}.Env`, /expected an array/],
      ['no image', bodyWith(`${C}.Image`, ''), `${C}.Image`, /give the image/],
      [
        'no container',
        bodyWith('TaskTemplate.ContainerSpec', null),
        'TaskTemplate.ContainerSpec',
        /give its spec/,
      ],
      ['two modes', bodyWith('Mode.Global', {}), 'Mode', /give one mode/],
      [
        'negative replicas',
        bodyWith('Mode.Replicated.Replicas', -1),
        'Mode.Replicated.Replicas',
        /not within/,
      ],
      [
        'an unknown mount type',
        bodyWith(`${C}.Mounts[0].Type`, 'disk'),
        `${C}.Mounts[0].Type`,
        /not one of bind, volume, tmpfs/,
      ],
      [
        'a mount with no target',
        bodyWith(`${C}.Mounts[0].Target`, ''),
        `${C}.Mounts[0].Target`,
        /path in the container/,
      ],
      [
        'a tmpfs with a source',
        bodyWith(`${C}.Mounts[0].Type`, 'tmpfs'),
        `${C}.Mounts[0].Source`,
        /no source/,
      ],
      [
        'a bind of a relative path',
        bodyWith(`${C}.Mounts[0].Type`, 'bind'),
        `${C}.Mounts[0].Source`,
        /absolute path/,
      ],
      [
        'a secret with no name',
        bodyWith(`${C}.Secrets[0].SecretName`, ''),
        `${C}.Secrets[0].SecretName`,
        /name the secret/,
      ],
      [
        'a secret by an unknown id',
        bodyWith(`${C}.Secrets[0]`, { SecretID: 'x1', File: { Name: 'a' } }),
        `${C}.Secrets[0].SecretName`,
        /no secret has the id x1/,
      ],
      [
        'a secret with no file',
        bodyWith(`${C}.Secrets[0].File`, null),
        `${C}.Secrets[0].File`,
        /where the secret's file goes/,
      ],
      [
        'a config mode past 07777',
        bodyWith(`${C}.Configs[0].File.Mode`, 0o10000),
        `${C}.Configs[0].File.Mode`,
        /not within/,
      ],
      [
        'an unknown restart condition',
        bodyWith('TaskTemplate.RestartPolicy.Condition', 'sometimes'),
        'TaskTemplate.RestartPolicy.Condition',
        /not one of none, on-failure, any/,
      ],
      [
        'a port with no target',
        bodyWith('EndpointSpec.Ports[0].TargetPort', 0),
        'EndpointSpec.Ports[0].TargetPort',
        /port in the container/,
      ],
      [
        'a port past 65535',
        bodyWith('EndpointSpec.Ports[0].PublishedPort', 70_000),
        'EndpointSpec.Ports[0].PublishedPort',
        /not within/,
      ],
      [
        'an ingress port on dnsrr',
        bodyWith('EndpointSpec.Mode', 'dnsrr'),
        'EndpointSpec.Ports[0].PublishMode',
        /host mode only/,
      ],
      [
        'an unknown failure action',
        bodyWith('UpdateConfig.FailureAction', 'explode'),
        'UpdateConfig.FailureAction',
        /not one of/,
      ],
      [
        "a rollback's rollback",
        bodyWith('RollbackConfig.FailureAction', 'rollback'),
        'RollbackConfig.FailureAction',
        /not one of pause, continue/,
      ],
      [
        'a failure ratio past 1',
        bodyWith('UpdateConfig.MaxFailureRatio', 2),
        'UpdateConfig.MaxFailureRatio',
        /fraction from 0 to 1/,
      ],
      [
        'a network with no target',
        bodyWith('TaskTemplate.Networks[0].Target', ''),
        'TaskTemplate.Networks[0].Target',
        /name the network/,
      ],
      [
        'a label key of __proto__',
        bodyWith('Labels', JSON.parse('{"__proto__": "x"}')),
        'Labels',
        /not allowed/,
      ],
      ['a huge argument', bodyWith(`${C}.Args`, ['x'.repeat(70_000)]), `${C}.Args[0]`, /at most/],
    ])('should refuse %s, naming the field', (_, body, path, reason) => {
      const error = refusal(body);
      expect(error).not.toBeInstanceOf(UnsupportedFieldError);
      expect(error.path).toBe(path);
      expect(error.reason).toMatch(reason);
    });

    it('should refuse broken bodies with a DecodeError, and only with one', () => {
      const bodies = [createEveryFlag, ...Object.values(stack.services)];
      bodies.forEach((body, i) => {
        for (const broken of mutations(body, 300, 40 + i)) {
          try {
            serviceSpecFromDocker(broken);
          } catch (error) {
            if (!(error instanceof DecodeError)) throw error;
          }
        }
      });
    });
  });
});

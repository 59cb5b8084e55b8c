import {
  applyConfigChange,
  applyMetadata,
  ConfigChangeError,
  commandArgs,
  exposedPorts,
  healthcheck,
  setEnv,
} from './config-changes';

const none = () => undefined;

describe('applyMetadata', () => {
  it('should set and override environment variables in order', () => {
    const config = applyMetadata({ Env: ['PATH=/bin', 'A=1'] }, 'ENV', 'A=2 B="two words"', none, '\\');
    expect(config.Env).toEqual(['PATH=/bin', 'A=2', 'B=two words']);
  });

  it('should resolve WORKDIR against the previous one, with variables', () => {
    const lookup = (n: string) => (n === 'APP' ? 'srv' : undefined);
    expect(applyMetadata({ WorkingDir: '/opt' }, 'WORKDIR', '$APP/data', lookup, '\\').WorkingDir).toBe(
      '/opt/srv/data',
    );
    expect(applyMetadata({}, 'WORKDIR', 'rel', none, '\\').WorkingDir).toBe('/rel');
    expect(applyMetadata({ WorkingDir: '/opt' }, 'WORKDIR', '/abs', none, '\\').WorkingDir).toBe('/abs');
  });

  it('should add labels, ports and volumes to what the base had', () => {
    const base = { Labels: { a: '1' }, ExposedPorts: { '22/tcp': {} }, Volumes: { '/old': {} } };
    expect(applyMetadata(base, 'LABEL', 'b="x y"', none, '\\').Labels).toEqual({ a: '1', b: 'x y' });
    expect(Object.keys(applyMetadata(base, 'EXPOSE', '80 53/udp', none, '\\').ExposedPorts!)).toEqual([
      '22/tcp',
      '80/tcp',
      '53/udp',
    ]);
    expect(Object.keys(applyMetadata(base, 'VOLUME', '["/a", "/b"]', none, '\\').Volumes!)).toEqual([
      '/old',
      '/a',
      '/b',
    ]);
    expect(Object.keys(applyMetadata(base, 'VOLUME', '/c /d', none, '\\').Volumes!)).toEqual([
      '/old',
      '/c',
      '/d',
    ]);
  });

  it('should refuse a label without a value and a USER without a name', () => {
    expect(() => applyMetadata({}, 'LABEL', 'novalue', none, '\\')).toThrow('has no value');
    expect(() => applyMetadata({}, 'USER', '""', none, '\\')).toThrow('USER needs');
  });
});

describe('commandArgs', () => {
  it('should keep exec form and run shell form through SHELL', () => {
    expect(commandArgs({ form: 'exec', args: ['a', 'b'] }, undefined)).toEqual(['a', 'b']);
    expect(commandArgs({ form: 'shell', text: 'echo $HOME' }, undefined)).toEqual([
      '/bin/sh',
      '-c',
      'echo $HOME',
    ]);
    expect(commandArgs({ form: 'shell', text: 'echo' }, ['/bin/bash', '-ec'])).toEqual([
      '/bin/bash',
      '-ec',
      'echo',
    ]);
  });
});

describe('healthcheck', () => {
  it('should store shell commands as CMD-SHELL with the options in nanoseconds', () => {
    expect(
      healthcheck(
        { form: 'shell', text: 'curl -f x' },
        { interval: '5s', timeout: '1s', 'start-period': '10s', retries: '4' },
      ),
    ).toEqual({
      Test: ['CMD-SHELL', 'curl -f x'],
      Interval: 5e9,
      Timeout: 1e9,
      StartPeriod: 10e9,
      Retries: 4,
    });
    expect(healthcheck(null, {})).toEqual({ Test: ['NONE'] });
  });

  it('should refuse bad retries', () => {
    expect(() => healthcheck({ form: 'exec', args: ['x'] }, { retries: '-1' })).toThrow(
      '--retries must be a whole number',
    );
  });
});

describe('exposedPorts', () => {
  it('should expand ranges and refuse nonsense', () => {
    expect(Object.keys(exposedPorts(['8000-8002/udp']))).toEqual(['8000/udp', '8001/udp', '8002/udp']);
    expect(() => exposedPorts(['http'])).toThrow('invalid port "http"');
    expect(() => exposedPorts(['70000'])).toThrow('invalid port range');
  });
});

describe('setEnv', () => {
  it('should keep values holding "="', () => {
    expect(setEnv({ Env: ['A=x=y'] }, [['B', 'c=d']]).Env).toEqual(['A=x=y', 'B=c=d']);
  });
});

describe('applyConfigChange', () => {
  it('should take CMD and ENTRYPOINT in JSON or shell form', () => {
    expect(applyConfigChange({}, 'CMD ["httpd", "-f"]').Cmd).toEqual(['httpd', '-f']);
    expect(applyConfigChange({}, 'ENTRYPOINT echo hi').Entrypoint).toEqual(['/bin/sh', '-c', 'echo hi']);
  });

  it('should apply metadata instructions without variable substitution', () => {
    const config = applyConfigChange({ Env: ['A=1'] }, 'ENV B=$A');
    expect(config.Env).toEqual(['A=1', 'B=']);
    expect(applyConfigChange({}, 'expose 8080').ExposedPorts).toEqual({ '8080/tcp': {} });
  });

  it('should refuse what is not an instruction it can apply', () => {
    expect(() => applyConfigChange({}, 'RUN true')).toThrow(ConfigChangeError);
    expect(() => applyConfigChange({}, 'CMD')).toThrow(/expected INSTRUCTION VALUE/);
  });
});

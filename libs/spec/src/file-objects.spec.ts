import { load, problemsOf, serviceOf, yaml } from './testing';

describe('secrets and configs', () => {
  const stack = () =>
    load('', {
      files: [
        {
          path: '/srv/app/stack.yml',
          content: yaml`
            services:
              web:
                image: a
                secrets:
                  - db_password
                  - source: api_key
                    target: key
                    uid: "103"
                    gid: "103"
                    mode: 0400
                  - source: tls
                    target: /etc/tls/cert.pem
                configs:
                  - nginx
                  - source: site
                    target: /etc/nginx/conf.d/site.conf
                    mode: "0440"
            secrets:
              db_password:
                file: ./secrets/db.txt
                labels: [kind=password]
              api_key:
                external: true
              tls:
                name: shared-tls
                environment: TLS_CERT
            configs:
              nginx:
                file: /etc/nginx.conf
              site:
                content: "server {}"
          `,
        },
      ],
    });

  it('should hand secrets to the service as files under /run/secrets, 0444 root unless said', () => {
    expect(stack().services[0].spec.task.container.secrets).toEqual([
      { source: 'app_db_password', target: '/run/secrets/db_password', uid: '0', gid: '0', mode: 0o444 },
      { source: 'api_key', target: '/run/secrets/key', uid: '103', gid: '103', mode: 0o400 },
      { source: 'shared-tls', target: '/etc/tls/cert.pem', uid: '0', gid: '0', mode: 0o444 },
    ]);
  });

  it('should hand configs to the service at /<key> unless a target is given', () => {
    expect(stack().services[0].spec.task.container.configs).toEqual([
      { source: 'app_nginx', target: '/nginx', uid: '0', gid: '0', mode: 0o444 },
      { source: 'app_site', target: '/etc/nginx/conf.d/site.conf', uid: '0', gid: '0', mode: 0o440 },
    ]);
  });

  it('should list the declared secrets and configs with where their content comes from', () => {
    const { secrets, configs } = stack();
    expect(secrets).toEqual([
      { name: 'api_key', key: 'api_key', external: true, file: '', environment: '', content: '', labels: {} },
      {
        name: 'app_db_password',
        key: 'db_password',
        external: false,
        file: '/srv/app/secrets/db.txt',
        environment: '',
        content: '',
        labels: { kind: 'password', 'com.docker.stack.namespace': 'app' },
      },
      {
        name: 'shared-tls',
        key: 'tls',
        external: false,
        file: '',
        environment: 'TLS_CERT',
        content: '',
        labels: { 'com.docker.stack.namespace': 'app' },
      },
    ]);
    expect(configs.map((c) => [c.name, c.file, c.content])).toEqual([
      ['app_nginx', '/etc/nginx.conf', ''],
      ['app_site', '', 'server {}'],
    ]);
  });

  it('should report secrets and configs that are not declared, and declarations with no content', () => {
    expect(
      problemsOf(yaml`
        services:
          web:
            image: a
            secrets: [missing]
            configs:
              - source: nope
        secrets:
          empty: {}
      `),
    ).toEqual([
      "stack.yml:4:15 services.web.secrets[0]: secret 'missing' is not declared in the top-level secrets",
      "stack.yml:6:9 services.web.configs[0]: config 'nope' is not declared in the top-level configs",
      "stack.yml:8:3 secrets.empty: secret 'empty' needs one of file, environment or external",
    ]);
  });

  it('should report a mode that is not one', () => {
    expect(
      problemsOf(
        'services:\n  web:\n    image: a\n    secrets:\n      - source: s\n        mode: rw\nsecrets:\n  s:\n    file: ./s\n',
      ),
    ).toEqual(["stack.yml:6:9 services.web.secrets[0].mode: expected a file mode such as 0440, got 'rw'"]);
  });

  it('should leave secrets and configs out of a container that has none', () => {
    const container = serviceOf('services:\n  web:\n    image: a\n').task.container;
    expect(container).not.toHaveProperty('secrets');
    expect(container).not.toHaveProperty('configs');
  });
});

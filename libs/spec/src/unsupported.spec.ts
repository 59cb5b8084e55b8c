import { load, problemsOf, yaml } from './testing';

describe('keys Berth does not carry out', () => {
  it('should warn about them in the words of docker stack deploy, sorted, once each', () => {
    const stack = load(yaml`
      services:
        web:
          image: a
          build: .
          restart: always
          privileged: true
          deploy:
            restart_policy:
              condition: any
        db:
          image: b
          build: ./db
          links: [web]
          network_mode: host
          x-note: fine
    `);
    expect(stack.warnings).toEqual([
      'Ignoring unsupported options: build, links, network_mode, privileged, restart',
    ]);
  });

  it('should not warn about restart when it became the restart policy', () => {
    expect(load('services:\n  web:\n    image: a\n    restart: always\n').warnings).toEqual([]);
  });

  it('should say which deprecated keys it ignores and why', () => {
    expect(
      load('services:\n  web:\n    image: a\n    container_name: web\n    expose: [80]\n').warnings,
    ).toEqual([
      'Ignoring deprecated options:\n\n' +
        'container_name: Setting the container name is not supported.\n\n' +
        "expose: Exposing ports is unnecessary - services on the same network can access each other's containers on any port.",
    ]);
  });

  it('should warn about parts of deploy it does not carry out', () => {
    const stack = load(yaml`
      services:
        web:
          image: a
          deploy:
            resources:
              limits:
                pids: 100
              reservations:
                generic_resources:
                  - discrete_resource_spec: { kind: gpu, value: 2 }
    `);
    expect(stack.warnings).toEqual([
      'Ignoring unsupported options: deploy.resources.limits.pids, deploy.resources.reservations.generic_resources',
    ]);
  });

  it('should warn about options of networks and volumes it does not carry out', () => {
    const stack = load(yaml`
      services:
        web:
          image: a
          networks: [front, outside]
      networks:
        front:
          driver: overlay
          internal: true
          driver_opts:
            encrypted: "true"
          ipam:
            driver: default
            config:
              - subnet: 10.0.9.0/24
                gateway: 10.0.9.1
        outside:
          external: true
      volumes:
        data:
          driver: local
        shared:
          driver: nfs
          labels: [a=b]
    `);
    expect(stack.warnings).toEqual([
      'Ignoring unsupported network options: driver_opts, internal, ipam.config.gateway, ipam.driver',
      'Ignoring unsupported volume options: driver, labels',
    ]);
  });

  it('should refuse what swarm refuses, and include', () => {
    expect(
      problemsOf(yaml`
        include: [other.yml]
        services:
          web:
            image: a
            mem_limit: 1g
            extends:
              service: base
            volumes_from: [db]
      `),
    ).toEqual([
      'stack.yml:1:1 include: include is not supported in a stack: pass every file with -c',
      'stack.yml:5:5 services.web.mem_limit: mem_limit is not supported in a stack: set limits with deploy.resources',
      'stack.yml:6:5 services.web.extends: extends is not supported in a stack: merge the files with -c instead',
      'stack.yml:8:5 services.web.volumes_from: volumes_from is not supported in a stack: declare the volume at top level and mount it in each service',
    ]);
  });
});

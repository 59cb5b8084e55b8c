import { DEFAULT_ROLLBACK_CONFIG, DEFAULT_UPDATE_CONFIG } from '@berth/cluster';
import { problemsOf, serviceOf, yaml } from './testing';

const specOf = (deploy: string, extra = '', options: Parameters<typeof serviceOf>[2] = {}) =>
  serviceOf(
    `services:\n  web:\n    image: nginx\n${extra}    deploy:\n${deploy.replace(/^/gm, '      ')}\n`,
    'web',
    options,
  );
const deployProblems = (deploy: string, extra = '') =>
  problemsOf(
    `services:\n  web:\n    image: nginx\n${extra}    deploy:\n${deploy.replace(/^/gm, '      ')}\n`,
  );

describe('deploy', () => {
  it('should run one replica unless told otherwise', () => {
    expect(serviceOf('services:\n  web:\n    image: a\n').mode).toEqual({ replicated: { replicas: 1 } });
    expect(specOf('replicas: 3').mode).toEqual({ replicated: { replicas: 3 } });
    expect(specOf('mode: replicated\nreplicas: 0').mode).toEqual({ replicated: { replicas: 0 } });
    expect(specOf('mode: global').mode).toEqual({ global: {} });
  });

  it('should read replicas that came from a variable', () => {
    expect(specOf('replicas: ${REPLICAS:-3}').mode).toEqual({ replicated: { replicas: 3 } });
    expect(specOf('replicas: ${REPLICAS}', '', { env: { REPLICAS: '5' } }).mode).toEqual({
      replicated: { replicas: 5 },
    });
  });

  it('should report replicas that are not a whole number, with global mode, and unknown modes', () => {
    expect(deployProblems('replicas: three')).toEqual([
      "stack.yml:5:7 services.web.deploy.replicas: expected an integer, got 'three'",
    ]);
    expect(deployProblems('mode: global\nreplicas: 2')).toEqual([
      'stack.yml:6:7 services.web.deploy.replicas: replicas can only be set in replicated mode, not global',
    ]);
    expect(deployProblems('mode: replicated-job')).toEqual([
      "stack.yml:5:7 services.web.deploy.mode: expected 'replicated' or 'global', got 'replicated-job' (Berth does not run jobs)",
    ]);
    expect(deployProblems('replicas: -1')).toEqual([
      'stack.yml:5:7 services.web.deploy.replicas: expected a number at least 0, got -1',
    ]);
  });

  it('should put deploy labels on the service with the stack and image labels, not on the container', () => {
    const spec = specOf('labels: [APP=VOTING]');
    expect(spec.labels).toEqual({
      APP: 'VOTING',
      'com.docker.stack.namespace': 'app',
      'com.docker.stack.image': 'nginx',
    });
    expect(spec.task.container.labels).toEqual({ 'com.docker.stack.namespace': 'app' });
  });

  it('should read placement constraints, spread preferences and the cap per node', () => {
    expect(
      specOf(yaml`
        placement:
          constraints: [node.role == manager, "node.labels.zone!=b"]
          preferences:
            - spread: node.labels.zone
          max_replicas_per_node: 2
      `).task.placement,
    ).toEqual({
      constraints: ['node.role == manager', 'node.labels.zone!=b'],
      preferences: [{ spread: 'node.labels.zone' }],
      maxReplicasPerNode: 2,
    });
  });

  it('should report constraints the scheduler could not read', () => {
    expect(deployProblems('placement:\n  constraints:\n    - node=foo\n    - node.zone==a')).toEqual([
      'stack.yml:7:13 services.web.deploy.placement.constraints[0]: invalid constraint "node=foo": expected KEY==VALUE or KEY!=VALUE',
      'stack.yml:8:13 services.web.deploy.placement.constraints[1]: invalid constraint "node.zone==a": unknown key "node.zone" (use node.id, node.hostname, node.role, node.platform.os, node.platform.arch, node.labels.NAME or engine.labels.NAME)',
    ]);
  });

  it('should read resource limits and reservations', () => {
    expect(
      specOf(
        'resources:\n  limits:\n    cpus: "0.5"\n    memory: 512M\n  reservations:\n    cpus: 0.25\n    memory: 1.5g',
      ).task.resources,
    ).toEqual({
      limits: { nanoCpus: 500_000_000, memoryBytes: 512 * 1024 ** 2 },
      reservations: { nanoCpus: 250_000_000, memoryBytes: 1.5 * 1024 ** 3 },
    });
  });

  it('should report memory and CPUs it cannot read', () => {
    expect(deployProblems('resources:\n  limits:\n    memory: 12Q\n    cpus: half')).toEqual([
      "stack.yml:7:11 services.web.deploy.resources.limits.memory: invalid size '12Q': expected a number and a unit (b, k, m, g, t), e.g. '512M'",
      "stack.yml:8:11 services.web.deploy.resources.limits.cpus: expected a number of CPUs such as 0.5, got 'half'",
    ]);
  });

  it("should read the restart policy over swarm's defaults", () => {
    expect(serviceOf('services:\n  web:\n    image: a\n').task.restartPolicy).toEqual({
      condition: 'any',
      delayMs: 5_000,
      maxAttempts: 0,
      windowMs: 0,
    });
    expect(
      specOf('restart_policy:\n  condition: on-failure\n  delay: 10s\n  max_attempts: 3\n  window: 120s').task
        .restartPolicy,
    ).toEqual({
      condition: 'on-failure',
      delayMs: 10_000,
      maxAttempts: 3,
      windowMs: 120_000,
    });
    expect(specOf('restart_policy:\n  condition: none').task.restartPolicy.condition).toBe('none');
  });

  it('should translate restart as stack deploy does when there is no restart_policy', () => {
    const policy = (restart: string) =>
      serviceOf(`services:\n  web:\n    image: a\n    restart: ${restart}\n`).task.restartPolicy;
    expect(policy('always')).toMatchObject({ condition: 'any', maxAttempts: 0 });
    expect(policy('unless-stopped')).toMatchObject({ condition: 'any' });
    expect(policy('on-failure:4')).toMatchObject({ condition: 'on-failure', maxAttempts: 4 });
    expect(policy('"no"')).toMatchObject({ condition: 'none' });
    expect(
      specOf('restart_policy:\n  condition: on-failure', '    restart: always\n').task.restartPolicy
        .condition,
    ).toBe('on-failure');
  });

  it('should report an unknown restart condition and restart value', () => {
    expect(deployProblems('restart_policy:\n  condition: on_failure')).toEqual([
      "stack.yml:6:9 services.web.deploy.restart_policy.condition: expected 'none', 'on-failure' or 'any', got 'on_failure'",
    ]);
    expect(problemsOf('services:\n  web:\n    image: a\n    restart: sometimes\n')).toEqual([
      "stack.yml:4:5 services.web.restart: expected no, always, unless-stopped or on-failure[:MAX_ATTEMPTS], got 'sometimes'",
    ]);
  });

  it("should read update_config and rollback_config over swarm's defaults, and leave them out when absent", () => {
    const spec = specOf(yaml`
      update_config:
        parallelism: 2
        delay: 10s
      rollback_config:
        parallelism: 3
        delay: 10s
        failure_action: continue
        monitor: 60s
        max_failure_ratio: 0.3
        order: start-first
    `);
    expect(spec.updateConfig).toEqual({ ...DEFAULT_UPDATE_CONFIG, parallelism: 2, delayMs: 10_000 });
    expect(spec.rollbackConfig).toEqual({
      parallelism: 3,
      delayMs: 10_000,
      failureAction: 'continue',
      monitorMs: 60_000,
      maxFailureRatio: 0.3,
      order: 'start-first',
    });
    expect(serviceOf('services:\n  web:\n    image: a\n').updateConfig).toEqual(DEFAULT_UPDATE_CONFIG);
    expect(specOf('replicas: 1').rollbackConfig).toEqual(DEFAULT_ROLLBACK_CONFIG);
    expect(specOf('update_config:\n  failure_action: rollback').updateConfig?.failureAction).toBe('rollback');
    expect(DEFAULT_ROLLBACK_CONFIG.failureAction).toBe('pause');
  });

  it('should report a rollback that would fail into a rollback, bad durations and ratios', () => {
    expect(
      deployProblems(
        'rollback_config:\n  failure_action: rollback\n  delay: 1x\nupdate_config:\n  max_failure_ratio: 1.5',
      ),
    ).toEqual([
      "stack.yml:6:9 services.web.deploy.rollback_config.failure_action: expected 'pause' or 'continue', got 'rollback'",
      "stack.yml:7:9 services.web.deploy.rollback_config.delay: invalid duration '1x': expected a number and a unit (ns, us, ms, s, m, h), e.g. '1m30s'",
      'stack.yml:9:9 services.web.deploy.update_config.max_failure_ratio: expected a number between 0 and 1, got 1.5',
    ]);
  });

  it('should read the endpoint mode, and refuse ingress ports with dnsrr', () => {
    expect(specOf('endpoint_mode: dnsrr').endpoint).toEqual({ mode: 'dnsrr', ports: [] });
    expect(
      specOf('endpoint_mode: dnsrr', '    ports: [{ target: 80, published: 80, mode: host }]\n').endpoint
        .mode,
    ).toBe('dnsrr');
    expect(deployProblems('endpoint_mode: dnsrr', '    ports: ["80:80"]\n')).toEqual([
      'stack.yml:6:7 services.web.deploy.endpoint_mode: a dnsrr service cannot publish ports in ingress mode: publish them in host mode',
    ]);
  });
});

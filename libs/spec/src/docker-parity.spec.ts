import { existsSync, readFileSync } from 'node:fs';
import { serviceSpecFromDocker } from '@berth/cluster';
import stack from '../../cluster/src/docker/captured/stack-deploy-vote.json';
import { loadStack } from './load';

/**
 * `docker stack deploy` of a file through Berth's Docker API and `berth stack deploy` of the
 * same file make the same services: the docker client's bodies (captured from docker 28, see
 * libs/cluster/src/docker/captured/) read by serviceSpecFromDocker equal what this library makes.
 */
const FILE =
  '/work/shared/corpus/stacks/BretFisher__udemy-docker-mastery__example-voting-app__answer__example-voting-app-stack.yml';

(existsSync(FILE) ? describe : describe.skip)('a stack through the docker client and through berth', () => {
  const loaded = loadStack({
    files: [{ path: FILE, content: readFileSync(FILE, 'utf8') }],
    env: {},
    stackName: 'vote',
    readFile: () => '#!/bin/sh\n',
  });
  const bodies = stack.services as Record<string, unknown>;

  it('should make the same services', () => {
    expect(loaded.services.map((s) => s.name).sort()).toEqual(Object.keys(bodies).sort());
    for (const { name, spec } of loaded.services) {
      // the client spells the image out (`redis` → `redis:latest`); read over Berth's own spec, it keeps Berth's spelling
      expect(serviceSpecFromDocker(bodies[name], { current: spec })).toEqual({ spec, warnings: [] });
      expect(serviceSpecFromDocker(bodies[name]).spec).toEqual({
        ...spec,
        task: { ...spec.task, container: { ...spec.task.container, image: expect.any(String) } },
      });
    }
  });

  it('should make the same networks and configs', () => {
    expect(loaded.networks.map((n) => n.name).sort()).toEqual(Object.keys(stack.networks).sort());
    expect(loaded.configs.map((c) => c.name)).toEqual(Object.keys(stack.configs).sort());
  });
});

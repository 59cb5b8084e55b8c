import { findDependencyCycles } from './depends-on';
import { problemsOf, serviceOf, yaml } from './testing';

describe('depends_on', () => {
  it('should name the services depended on in full, started unless said', () => {
    const spec = serviceOf(yaml`
      services:
        web:
          image: a
          depends_on: [db, cache]
        db:
          image: b
        cache:
          image: c
    `);
    expect(spec.dependsOn).toEqual([
      { service: 'app_db', condition: 'service_started' },
      { service: 'app_cache', condition: 'service_started' },
    ]);
  });

  it('should read the mapping form with conditions', () => {
    const spec = serviceOf(yaml`
      services:
        web:
          image: a
          depends_on:
            db:
              condition: service_healthy
              restart: true
            cache:
              condition: service_started
        db:
          image: b
        cache:
          image: c
    `);
    expect(spec.dependsOn).toEqual([
      { service: 'app_db', condition: 'service_healthy' },
      { service: 'app_cache', condition: 'service_started' },
    ]);
  });

  it('should leave dependsOn out of a service without depends_on', () => {
    expect(serviceOf('services:\n  web:\n    image: a\n')).not.toHaveProperty('dependsOn');
  });

  it('should report unknown services, completion conditions and cycles', () => {
    expect(
      problemsOf(yaml`
        services:
          web:
            image: a
            depends_on:
              ghost:
                condition: service_started
              job:
                condition: service_completed_successfully
              api:
                condition: service_ready
          job:
            image: b
          api:
            image: c
            depends_on: [web]
      `),
    ).toEqual([
      "stack.yml:5:7 services.web.depends_on.ghost: service 'ghost' is not defined in this stack",
      "stack.yml:8:9 services.web.depends_on.job.condition: condition 'service_completed_successfully' is not supported: a service's tasks do not complete",
      "stack.yml:10:9 services.web.depends_on.api.condition: expected one of 'service_started', 'service_healthy', 'service_completed_successfully', got 'service_ready'",
      'stack.yml:15:5 services.api.depends_on: dependency cycle: api → web → api',
    ]);
  });
});

describe('findDependencyCycles', () => {
  it('should find each cycle once', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['d']],
      ['e', ['a']],
    ]);
    expect(findDependencyCycles(graph)).toEqual([
      ['a', 'b', 'c', 'a'],
      ['d', 'd'],
    ]);
  });

  it('should find none in a graph without cycles', () => {
    expect(
      findDependencyCycles(
        new Map([
          ['a', ['b', 'c']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });
});

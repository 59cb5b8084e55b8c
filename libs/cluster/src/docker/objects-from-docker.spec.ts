import { DecodeError } from '../decode/decoder';
import nodeUpdate from './captured/node-update-label-add.json';
import stack from './captured/stack-deploy-vote.json';
import { fileSpecFromDocker, nodeSpecFromDocker } from './objects-from-docker';
import { UnsupportedFieldError } from './read';

function refusal(read: () => unknown): DecodeError {
  try {
    read();
  } catch (error) {
    if (error instanceof DecodeError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe(nodeSpecFromDocker.name, () => {
  it('should read what `docker node update --label-add` sends', () => {
    expect(nodeSpecFromDocker(nodeUpdate)).toEqual({
      role: 'worker',
      availability: 'active',
      labels: { zone: 'a' },
    });
  });

  it("should read Docker's zero values as swarm's: a worker, active, no labels", () => {
    expect(nodeSpecFromDocker({ Name: '', Labels: null })).toEqual({
      role: 'worker',
      availability: 'active',
      labels: {},
    });
    expect(nodeSpecFromDocker({ Role: 'manager', Availability: 'drain' })).toMatchObject({
      role: 'manager',
      availability: 'drain',
    });
  });

  it('should refuse a name, and a role or availability swarm does not have', () => {
    expect(refusal(() => nodeSpecFromDocker({ Name: 'n1' }))).toBeInstanceOf(UnsupportedFieldError);
    expect(refusal(() => nodeSpecFromDocker({ Role: 'boss' }))).toMatchObject({ path: 'Role' });
    expect(refusal(() => nodeSpecFromDocker({ Availability: 'gone' }))).toMatchObject({
      path: 'Availability',
    });
    expect(refusal(() => nodeSpecFromDocker([]))).toMatchObject({ path: 'body' });
  });
});

describe(fileSpecFromDocker.name, () => {
  it("should read what `docker stack deploy` sends for a stack's config", () => {
    const { spec, data } = fileSpecFromDocker('configs', stack.configs['vote_redis-healthcheck']);
    expect(spec).toEqual({
      name: 'vote_redis-healthcheck',
      labels: { 'com.docker.stack.namespace': 'vote' },
    });
    expect(Buffer.from(data).toString()).toBe('#!/bin/sh\n');
  });

  it('should read a secret with no labels and empty data', () => {
    expect(fileSpecFromDocker('secrets', { Name: 'db', Data: '' })).toEqual({
      spec: { name: 'db', labels: {} },
      data: Buffer.alloc(0),
    });
  });

  it('should refuse drivers, templating, no name and data that is not base64', () => {
    const driver = refusal(() => fileSpecFromDocker('secrets', { Name: 'db', Driver: { Name: 'vault' } }));
    expect(driver).toBeInstanceOf(UnsupportedFieldError);
    expect(driver.path).toBe('Driver');
    const templating = refusal(() =>
      fileSpecFromDocker('configs', { Name: 'c', Templating: { Name: 'golang' } }),
    );
    expect(templating).toMatchObject({ path: 'Templating' });
    expect(refusal(() => fileSpecFromDocker('configs', { Data: 'aGk=' }))).toMatchObject({ path: 'Name' });
    expect(refusal(() => fileSpecFromDocker('configs', { Name: 'c', Data: 'not base64!' }))).toMatchObject({
      path: 'Data',
    });
  });
});

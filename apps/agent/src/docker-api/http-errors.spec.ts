import { DecodeError, UnsupportedFieldError } from '@berth/cluster';
import { RpcError, Status } from '@berth/proto';
import { ContainerStartError } from '@berth/runtime';
import { ConflictError, InvalidArgumentError, NotFoundError } from '../errors';
import { ApiVersionError } from './api-version';
import { NO_SWARM, NotSwarmManagerError } from './swarm/not-a-manager';
import { dockerErrorOf } from './http-errors';

describe(dockerErrorOf.name, () => {
  it.each([
    [new NotFoundError('No such container: web'), 404],
    [new ConflictError('You cannot remove a running container'), 409],
    [new InvalidArgumentError('invalid restart policy "x"'), 400],
    [new ApiVersionError('1.40', 'client version 1.40 is too old'), 400],
    // the manager's answers, forwarded by the swarm routes, and what they refuse themselves
    [new RpcError(Status.FAILED_PRECONDITION, 'a service named web already exists'), 409],
    [new RpcError(Status.NOT_FOUND, 'service nope not found'), 404],
    [new NotSwarmManagerError(NO_SWARM), 503],
    [
      new UnsupportedFieldError('TaskTemplate.ContainerSpec.TTY', "Berth's service tasks have no terminal"),
      501,
    ],
    [new DecodeError('type', 'Mode', 'expected an object'), 400],
  ])("should answer %p with %i and Docker's message body", (error, status) => {
    expect(dockerErrorOf(error)).toEqual({ status, body: { message: error.message } });
  });

  it('should answer a command the container cannot run as a bad request, with its reason', () => {
    const error = new ContainerStartError('c1', 'exec: "nope": executable file not found in $PATH', 127);
    expect(dockerErrorOf(error)).toEqual({
      status: 400,
      body: { message: 'exec: "nope": executable file not found in $PATH' },
    });
  });

  it('should answer anything unexpected with 500', () => {
    expect(dockerErrorOf(new Error('boom')).status).toBe(500);
  });
});

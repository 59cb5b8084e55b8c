import { ContainerStartError } from '@berth/runtime';
import { ConflictError, InvalidArgumentError, NotFoundError } from '../errors';
import { ApiVersionError } from './api-version';
import { dockerErrorOf } from './http-errors';

describe(dockerErrorOf.name, () => {
  it.each([
    [new NotFoundError('No such container: web'), 404],
    [new ConflictError('You cannot remove a running container'), 409],
    [new InvalidArgumentError('invalid restart policy "x"'), 400],
    [new ApiVersionError('1.40', 'client version 1.40 is too old'), 400],
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

import { BrokenCircuitError } from 'cockatiel';
import {
  GRPCDeadlineExceededError,
  GRPCInvalidArgumentError,
  GRPCUnavailableError,
  GRPCUnknownError,
} from 'etcd3';
import { storeUnavailable } from './store';

describe(storeUnavailable.name, () => {
  it.each([
    ['no member answering', new GRPCUnavailableError('14 UNAVAILABLE: No connection established')],
    ['a call past its deadline', new GRPCDeadlineExceededError('4 DEADLINE_EXCEEDED')],
    ["every host's circuit open", new BrokenCircuitError()],
    ['members without a quorum', new GRPCUnknownError('2 UNKNOWN: context deadline exceeded')],
    ['a member without a leader', new GRPCUnknownError('2 UNKNOWN: etcdserver: no leader')],
    ['a proposal lost with its leader', new GRPCUnknownError('2 UNKNOWN: etcdserver: request timed out')],
  ])('should take %s for the store being unavailable', (_what, error) => {
    expect(storeUnavailable(error)).toBe(true);
  });

  it.each([
    [
      'a bad request',
      new GRPCInvalidArgumentError('3 INVALID_ARGUMENT: etcdserver: too many operations in txn request'),
    ],
    ['an unknown error of another kind', new GRPCUnknownError('2 UNKNOWN: something else')],
    ['a plain error', new Error('boom')],
  ])('should not take %s for it', (_what, error) => {
    expect(storeUnavailable(error)).toBe(false);
  });
});

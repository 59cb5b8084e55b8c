import { ApiVersionError, MAX_API_VERSION } from './api-version';
import { apiVersionOf } from './request-version';

describe(apiVersionOf.name, () => {
  it('should read the version from the path the client sent, query aside', () => {
    expect(apiVersionOf('/v1.41/volumes/prune?filters=%7B%7D')).toBe('1.41');
  });

  it('should serve the newest version to a path without one, and refuse one not served', () => {
    expect(apiVersionOf('/volumes/prune')).toBe(MAX_API_VERSION);
    expect(() => apiVersionOf('/v1.12/volumes')).toThrow(ApiVersionError);
  });
});

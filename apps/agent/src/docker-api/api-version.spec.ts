import {
  ApiVersionError,
  compareApiVersions,
  MAX_API_VERSION,
  MIN_API_VERSION,
  servedVersion,
  splitApiPath,
} from './api-version';

describe('Docker API versioning', () => {
  describe(splitApiPath.name, () => {
    it.each([
      ['/v1.43/containers/json', '1.43', '/containers/json'],
      ['/v1.50/_ping', '1.50', '/_ping'],
      ['/v1.41', '1.41', '/'],
      ['/v01.041/info', '1.41', '/info'],
      ['/_ping', null, '/_ping'],
      ['/version', null, '/version'],
      ['/v1/info', null, '/v1/info'],
      ['/volumes/v1.2', null, '/volumes/v1.2'],
    ])('should read %s as version %s, path %s', (path, version, rest) => {
      expect(splitApiPath(path)).toEqual({ version, path: rest });
    });
  });

  describe(compareApiVersions.name, () => {
    it('should order by major, then minor as a number', () => {
      expect(compareApiVersions('1.9', '1.10')).toBeLessThan(0);
      expect(compareApiVersions('1.50', '1.41')).toBeGreaterThan(0);
      expect(compareApiVersions('2.0', '1.99')).toBeGreaterThan(0);
      expect(compareApiVersions('1.44', '1.44')).toBe(0);
    });
  });

  describe(servedVersion.name, () => {
    it('should serve the newest version to a request that names none, and a named one as it is', () => {
      expect(servedVersion(null)).toBe(MAX_API_VERSION);
      expect(servedVersion(MIN_API_VERSION)).toBe(MIN_API_VERSION);
      expect(servedVersion('1.45')).toBe('1.45');
    });

    it("should refuse a version outside what is served, in dockerd's words", () => {
      expect(() => servedVersion('1.40')).toThrow(
        new ApiVersionError(
          '1.40',
          'client version 1.40 is too old. Minimum supported API version is 1.41, please upgrade your client to a newer version',
        ),
      );
      expect(() => servedVersion('1.51')).toThrow(
        'client version 1.51 is too new. Maximum supported API version is 1.50',
      );
    });
  });
});

import { DockerFilters, parseTimestamp } from './docker-filters';
import { FilterError } from './docker-views';

const parse = (filters: Record<string, string[]>, accepted = Object.keys(filters)) =>
  DockerFilters.parse(JSON.stringify(filters), accepted);

describe(DockerFilters.name, () => {
  describe('parse', () => {
    it('should refuse a key the route does not accept, in dockerd words', () => {
      expect(() => parse({ colour: ['red'] }, ['name'])).toThrow(new FilterError("invalid filter 'colour'"));
    });

    it('should read no filters as none', () => {
      expect(DockerFilters.parse(undefined, []).has('name')).toBe(false);
      expect(DockerFilters.parse('', []).has('name')).toBe(false);
    });
  });

  describe('match', () => {
    it('should pass a name that is the value, holds it, or matches it as a pattern', () => {
      const f = parse({ name: ['web', '^db-[0-9]+$'] });
      expect(f.match('name', 'web')).toBe(true);
      expect(f.match('name', 'my-web-1')).toBe(true);
      expect(f.match('name', 'db-12')).toBe(true);
      expect(f.match('name', 'db-x')).toBe(false);
    });

    it('should pass anything when the key is not given, and nothing for a broken pattern', () => {
      expect(parse({}).match('name', 'x')).toBe(true);
      expect(parse({ name: ['('] }).match('name', 'x(')).toBe(false);
    });
  });

  describe('exact', () => {
    it('should pass only a value given', () => {
      const f = parse({ driver: ['bridge'] });
      expect(f.exact('driver', 'bridge')).toBe(true);
      expect(f.exact('driver', 'bridge2')).toBe(false);
    });
  });

  describe('labels', () => {
    it('should need every label asked for, by key or key=value', () => {
      const f = parse({ label: ['team', 'tier=web'] });
      expect(f.labels('label', { team: 'a', tier: 'web' })).toBe(true);
      expect(f.labels('label', { team: 'a', tier: 'db' })).toBe(false);
      expect(f.labels('label', { tier: 'web' })).toBe(false);
    });

    it('should keep an = inside the value', () => {
      expect(parse({ label: ['expr=a=b'] }).labels('label', { expr: 'a=b' })).toBe(true);
    });
  });

  describe('bool', () => {
    it("should read dockerd's words for true and false, and refuse others", () => {
      expect(parse({ dangling: ['1'] }).bool('dangling')).toBe(true);
      expect(parse({ dangling: ['false'] }).bool('dangling')).toBe(false);
      expect(parse({}).bool('dangling')).toBeNull();
      expect(() => parse({ dangling: ['yes'] }).bool('dangling')).toThrow(FilterError);
      expect(() => parse({ dangling: ['1', '0'] }).bool('dangling')).toThrow(
        'got more than one value for filter key "dangling"',
      );
    });
  });
});

describe(parseTimestamp.name, () => {
  const now = Date.parse('2024-05-01T12:00:00Z');

  it('should read Unix seconds, with or without their fraction', () => {
    expect(parseTimestamp('1714564800', now)).toBe(1714564800000);
    expect(parseTimestamp('1714564800.250000000', now)).toBe(1714564800250);
  });

  it('should read a Go duration as that long before now', () => {
    expect(parseTimestamp('10m', now)).toBe(now - 600_000);
    expect(parseTimestamp('1h30m', now)).toBe(now - 5_400_000);
    expect(parseTimestamp('1.5s', now)).toBe(now - 1500);
  });

  it('should read a date, and refuse what is none of these', () => {
    expect(parseTimestamp('2024-05-01T10:00:00Z', now)).toBe(Date.parse('2024-05-01T10:00:00Z'));
    expect(() => parseTimestamp('yesterday', now)).toThrow(FilterError);
  });
});

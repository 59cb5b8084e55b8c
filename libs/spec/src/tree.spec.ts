import { formatPath, locate, nodeAt, toPlain } from './tree';
import { parseStackFile } from './yaml';
import { yaml } from './testing';

const root = () => {
  const parsed = parseStackFile({
    path: 'stack.yml',
    content: yaml`
      services:
        web:
          image: nginx
          ports:
            - "80:80"
            - 443
    `,
  });
  return parsed.root!;
};

describe('formatPath', () => {
  it('should join keys with dots and show list indexes in brackets', () => {
    expect(formatPath(['services', 'web', 'ports', 0])).toBe('services.web.ports[0]');
    expect(formatPath(['services', 'web', 'deploy', 'replicas'])).toBe('services.web.deploy.replicas');
    expect(formatPath([])).toBe('');
  });
});

describe('toPlain', () => {
  it('should give the plain value of the tree', () => {
    expect(toPlain(root())).toEqual({ services: { web: { image: 'nginx', ports: ['80:80', 443] } } });
  });
});

describe('locate', () => {
  it('should place a mapping value at its key', () => {
    expect(locate(root(), ['services', 'web', 'image'])).toEqual({ file: 'stack.yml', line: 3, column: 5 });
  });

  it('should place a list item at the item', () => {
    expect(locate(root(), ['services', 'web', 'ports', 1])).toEqual({
      file: 'stack.yml',
      line: 6,
      column: 9,
    });
  });

  it('should place a missing key at the deepest part that exists', () => {
    expect(locate(root(), ['services', 'web', 'deploy', 'replicas'])).toEqual({
      file: 'stack.yml',
      line: 2,
      column: 3,
    });
  });
});

describe('nodeAt', () => {
  it('should find the node at a path, or nothing', () => {
    expect(nodeAt(root(), ['services', 'web', 'image'])).toMatchObject({ kind: 'scalar', value: 'nginx' });
    expect(nodeAt(root(), ['services', 'db'])).toBeUndefined();
  });
});

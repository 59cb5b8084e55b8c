import { count, nodes, noun } from './plural';

describe('plural', () => {
  it.each([
    [0, '0 nodes'],
    [1, '1 node'],
    [2, '2 nodes'],
  ])('should say %p nodes as %p', (n, text) => {
    expect(nodes(n)).toBe(text);
  });

  it('should take an irregular plural', () => {
    expect(count(2, 'replica', 'replicas')).toBe('2 replicas');
    expect(count(1, 'child', 'children')).toBe('1 child');
    expect(noun(3, 'child', 'children')).toBe('children');
  });

  it('should give the word alone', () => {
    expect(noun(1, 'port')).toBe('port');
    expect(noun(2, 'port')).toBe('ports');
  });
});

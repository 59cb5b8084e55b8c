import { compileTemplate, renderTable, TemplateError } from './template';

const container = {
  Name: '/web',
  State: { Status: 'running', Health: { Status: 'healthy' } },
  Config: { Env: ['A=1', 'B=2'], Labels: { tier: 'front' } },
  Mounts: [{ Destination: '/data' }, { Destination: '/logs' }],
  Ports: {},
};

describe('compileTemplate', () => {
  it('should print fields, nested ones and missing ones as Go does', () => {
    expect(compileTemplate('{{.State.Status}} {{.State.Health.Status}}')(container)).toBe('running healthy');
    expect(compileTemplate('{{.Nope.Deeper}}')(container)).toBe('<no value>');
    expect(compileTemplate('{{.Config.Env}}')(container)).toBe('[A=1 B=2]');
  });

  it('should apply json, join, index, upper and len', () => {
    expect(compileTemplate('{{json .Config.Labels}}')(container)).toBe('{"tier":"front"}');
    expect(compileTemplate('{{join .Config.Env ","}}')(container)).toBe('A=1,B=2');
    expect(compileTemplate('{{index .Config.Labels "tier"}}')(container)).toBe('front');
    expect(compileTemplate('{{upper .State.Status}} {{len .Mounts}}')(container)).toBe('RUNNING 2');
    expect(compileTemplate('{{.Name | upper}}')(container)).toBe('/WEB');
    expect(compileTemplate('{{printf "%s=%d" .Name 3}}')(container)).toBe('/web=3');
  });

  it('should range over lists and branch on values, trimming space where asked', () => {
    expect(compileTemplate('{{range .Mounts}}{{.Destination}};{{end}}')(container)).toBe('/data;/logs;');
    expect(compileTemplate('{{if .Ports}}ports{{else}}none{{end}}')(container)).toBe('none');
    expect(compileTemplate('{{if .Mounts}}has {{- " mounts" -}} {{end}}')(container)).toBe('has mounts');
  });

  it('should refuse unknown functions and unbalanced blocks', () => {
    expect(() => compileTemplate('{{frobnicate .Name}}')(container)).toThrow(TemplateError);
    expect(() => compileTemplate('{{range .Mounts}}x')).toThrow(/missing \{\{end\}\}/);
    expect(() => compileTemplate('{{end}}')).toThrow(/unexpected/);
  });
});

describe('renderTable', () => {
  it('should name columns after the fields and align them', () => {
    const out = renderTable(
      'table {{.ID}}\t{{.Names}}',
      [
        { ID: 'abc', Names: 'web' },
        { ID: 'defghi', Names: 'db' },
      ],
      { ID: 'CONTAINER ID' },
    );
    expect(out).toBe('CONTAINER ID   NAMES\nabc            web\ndefghi         db\n');
  });
});

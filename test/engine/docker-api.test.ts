/**
 * berthd's Docker Engine API on its own socket, against a real berthd: the first slice — ping,
 * version negotiation, the container list — read over HTTP as a Docker client does.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { EngineHarness } from '@berth/testing';

jest.setTimeout(60000);

let e: EngineHarness;
let socket: string;
beforeAll(async () => {
  e = new EngineHarness('dockerapi');
  await e.start();
  e.importBusybox();
  socket = path.join(e.execRoot, 'docker.sock');
});
afterAll(() => e.cleanup());

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(method: string, urlPath: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath: socket, method, path: urlPath }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the Docker Engine API socket', () => {
  it('should be served beside the engine, for root only', () => {
    const st = fs.statSync(socket);
    expect(st.isSocket()).toBe(true);
    expect(st.mode & 0o777).toBe(0o600);
  });

  it("should answer a ping with OK and dockerd's headers, naming the newest API version", async () => {
    for (const method of ['GET', 'HEAD']) {
      const r = await request(method, '/_ping');
      expect(r.status).toBe(200);
      expect(r.headers['api-version']).toBe('1.50');
      expect(r.headers['ostype']).toBe('linux');
      expect(r.headers['docker-experimental']).toBe('false');
      if (method === 'GET') expect(r.body).toBe('OK');
    }
  });

  it('should serve a version it supports and refuse others as dockerd does', async () => {
    const ok = await request('GET', '/v1.41/version');
    expect(ok.status).toBe(200);
    expect(ok.headers['api-version']).toBe('1.41');
    expect(JSON.parse(ok.body)).toMatchObject({ ApiVersion: '1.50', MinAPIVersion: '1.41', Os: 'linux' });
    const old = await request('GET', '/v1.40/version');
    expect(old.status).toBe(400);
    expect(old.headers['content-type']).toBe('application/json');
    expect(JSON.parse(old.body)).toEqual({
      message:
        'client version 1.40 is too old. Minimum supported API version is 1.41, please upgrade your client to a newer version',
    });
    const unknown = await request('GET', '/v1.50/no/such/thing');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toEqual({ message: 'page not found' });
  });

  it("should list the engine's containers in Docker's shape, with Docker's filters", async () => {
    expect(
      e.berth(['run', '-d', '--name', 'api-web', '--label', 'team=a', 'busybox', 'sleep', '300']).status,
    ).toBe(0);
    expect(e.berth(['create', '--name', 'api-idle', 'busybox', 'true']).status).toBe(0);
    const running = JSON.parse((await request('GET', '/v1.50/containers/json')).body) as {
      Names: string[];
      State: string;
      Labels: Record<string, string>;
    }[];
    expect(running.map((c) => c.Names[0])).toEqual(['/api-web']);
    expect(running[0]).toMatchObject({ State: 'running', Labels: { team: 'a' } });
    const all = JSON.parse((await request('GET', '/v1.50/containers/json?all=1')).body) as {
      Names: string[];
    }[];
    expect(all.map((c) => c.Names[0]).sort()).toEqual(['/api-idle', '/api-web']);
    const filtered = await request(
      'GET',
      `/v1.50/containers/json?all=true&filters=${encodeURIComponent('{"label":["team=a"]}')}`,
    );
    expect((JSON.parse(filtered.body) as { Names: string[] }[]).map((c) => c.Names[0])).toEqual(['/api-web']);
    const bad = await request(
      'GET',
      `/v1.50/containers/json?filters=${encodeURIComponent('{"label":"team=a"}')}`,
    );
    expect(bad.status).toBe(400);
    expect(e.berth(['rm', '-f', 'api-web', 'api-idle']).status).toBe(0);
  });
});

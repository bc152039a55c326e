import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The built client is served next to the API, but API requests never go through the file
 * server (it looks each request up on disk through the thread pool that photo processing keeps
 * busy). A file that happens to sit at an API path proves which one answered.
 */
describe('client files and API routes (e2e)', () => {
  let dist: string;
  let t: TestApp;
  let server: App;

  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'lensbridge-dist-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Lensbridge</title>');
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'assets', 'app-1a2b3c.js'), 'console.log(1)');
    mkdirSync(path.join(dist, 'api'));
    writeFileSync(path.join(dist, 'api', 'health'), 'a file, not the API');
    t = await startTestApp({ SERVE_CLIENT: 'true', CLIENT_DIST_DIR: dist });
    server = t.app.getHttpServer() as App;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers API paths from the API, never from a file', async () => {
    const health = await request(server).get('/api/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok' });
    const missing = await request(server).get('/api/no-such-route').set('Accept', 'text/html');
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('<title>Lensbridge</title>');
  });

  it('serves the client’s files, hashed assets cached for a year, and the app for other pages', async () => {
    const asset = await request(server).get('/assets/app-1a2b3c.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await request(server).get('/app/drafts').set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('<title>Lensbridge</title>');
    expect(page.headers['cache-control']).toBe('no-cache');
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { aRegistration } from '../support/accounts';
import { startTestApp, type TestApp } from '../support/test-app';

describe('HTTP basics (e2e)', () => {
  let t: TestApp;
  let server: App;

  beforeAll(async () => {
    t = await startTestApp({ JSON_BODY_LIMIT: '10kb' });
    server = t.app.getHttpServer() as App;
  });
  afterAll(() => t.close());

  it('reports health with a live database and photo storage check', async () => {
    const response = await request(server).get('/api/health').expect(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      down: [],
      database: { status: 'up' },
      storage: { status: 'up', kind: 'local' },
    });
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const response = await request(server)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@example.com",')
      .expect(400);
    expect(response.body).toEqual({
      statusCode: 400,
      code: 'MALFORMED_JSON',
      message: 'The request body is not valid JSON.',
    });
  });

  it('answers unknown fields with 400 VALIDATION_FAILED naming them', async () => {
    const response = await request(server)
      .post('/api/auth/register')
      .send({ ...aRegistration(), isAdmin: true })
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(response.body.details)).toContain('isAdmin');
  });

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await request(server)
      .post('/api/auth/login')
      .send({ email: 'a@example.com', password: 'x'.repeat(20_000) })
      .expect(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await request(server).get('/api/no-such-thing').expect(404);
    expect(response.headers['content-type']).toMatch(/json/);
    expect(response.body).toEqual({
      statusCode: 404,
      code: 'ROUTE_NOT_FOUND',
      message: 'No route for GET /api/no-such-thing',
    });
  });

  it('sends security headers and a request id, echoing a sane incoming one', async () => {
    const response = await request(server)
      .get('/api/health')
      .set('X-Request-Id', 'trace-123')
      .expect(200);
    expect(response.headers['x-request-id']).toBe('trace-123');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();

    const generated = await request(server)
      .get('/api/health')
      .set('X-Request-Id', 'bad id with spaces');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('publishes the committed OpenAPI document, the one the client types come from', async () => {
    const response = await request(server).get('/api/docs/openapi.json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/register', '/api/auth/login', '/api/health']),
    );
    expect(response.body).toEqual(
      JSON.parse(readFileSync(path.join(__dirname, '../../docs/api/openapi.json'), 'utf8')),
    );
    await request(server).get('/api/docs').expect(200);
  });
});

import request from 'supertest';
import type { App } from 'supertest/types';
import { aRegistration, signUp, writeHeaders } from '../support/accounts';
import { photos, uploadPhoto } from '../support/draft-fixtures';
import { aPackageInput, aProfile } from '../support/photographers';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/**
 * A NUL character (U+0000) in any text: PostgreSQL cannot store it and answered 500. One rule
 * refuses it with 400 VALIDATION_FAILED on both engines, naming the field, and writes nothing.
 */
describe('NUL characters in input (e2e)', () => {
  let target: TestApp;
  let server: App;

  beforeAll(async () => {
    target = await startTestApp();
    server = target.app.getHttpServer() as App;
  });
  afterAll(() => target?.close());

  const refused = (response: request.Response, path: string) => {
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details[0].path).toBe(path);
  };

  it('refuses it in a sign-up and creates no account', async () => {
    const input = aRegistration({ name: 'Eve\u0000Null' });
    refused(await request(server).post('/api/auth/register').send(input), 'name');
    const login = await request(server)
      .post('/api/auth/login')
      .send({ email: input.email, password: input.password });
    expect(login.status).toBe(401);
  });

  it('refuses it in a log-in and in anonymous query strings', async () => {
    refused(
      await request(server)
        .post('/api/auth/login')
        .send({ email: 'a\u0000@example.com', password: 'x' }),
      'email',
    );
    refused(await request(server).get('/api/photographers?city=Ber%00lin'), 'city');
    refused(await request(server).get('/api/compare?useCase=%00'), 'useCase');
  });

  it('refuses it in a signed-in JSON body, a nested key, a route parameter and a multipart field', async () => {
    const photographer = await signUp(server, { role: 'photographer' });
    refused(
      await request(server)
        .put('/api/photographers/me')
        .set(writeHeaders(photographer))
        .send(aProfile({ bio: 'Portraits\u0000 in Berlin' })),
      'bio',
    );
    refused(
      await request(server)
        .post('/api/photographers/me/packages')
        .set(writeHeaders(photographer))
        .send({ ...aPackageInput(), ['name\u0000']: 'x' }),
      'name\u0000',
    );
    refused(
      await request(server)
        .patch('/api/photographers/me/packages/abc%00def')
        .set(writeHeaders(photographer))
        .send({}),
      'id',
    );
    const client = await signUp(server, { role: 'client' });
    refused(
      await uploadPhoto(server, client, await photos.astronaut(), {
        gazePreference: 'lens\u0000' as never,
      }),
      'gazePreference',
    );
  });
});

// Sign-up for benchmarks, the way a person does it: register (202, no session), follow the
// verification link from the email when the account will book, then log in.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * `api` is the API root (`http://host:port/api`). `app` (the in-process Nest app) is needed
 * only to read the verification email from its outbox; without it the account stays
 * unverified (enough for drafts, not for bookings).
 */
export async function signUpAndLogIn(api, fields, app) {
  const json = { 'content-type': 'application/json' };
  const registered = await fetch(`${api}/auth/register`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(fields),
  });
  if (registered.status !== 202) {
    throw new Error(`sign-up ${registered.status} ${await registered.text()}`);
  }
  if (app) {
    const token = await verificationToken(app, fields.email.toLowerCase());
    const verified = await fetch(`${api}/auth/verify-email`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ token }),
    });
    if (verified.status !== 204) throw new Error(`verify ${verified.status}`);
  }
  const login = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email: fields.email, password: fields.password }),
  });
  if (login.status !== 200) throw new Error(`log-in ${login.status} ${await login.text()}`);
  const body = await login.json();
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { id: body.user.id, cookie, csrf: body.csrfToken };
}

async function verificationToken(app, address) {
  const { DataSource } = require('typeorm');
  const outbox = app.get(DataSource).getRepository('OutboxMessage');
  for (let i = 0; i < 500; i += 1) {
    const row = await outbox.findOne({ where: { toAddress: address, kind: 'verify_email' } });
    const token = row && /\/verify-email\?token=([A-Za-z0-9_-]+)/.exec(row.textBody)?.[1];
    if (token) return token;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no verification email for ${address}`);
}

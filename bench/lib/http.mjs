// Plain HTTP helpers for benchmarks that upload drafts: raw node:http (no client library in the
// measurement), a client sign-up, and a draft upload body.
import http from 'node:http';
import processingNotice from '../../dist/shared/drafts/processing-notice.js';

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** One request; resolves with the status, headers and whole body. */
export function send(method, url, { headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Signs up a new client account and logs in: its cookie and CSRF token (drafts need no verification). */
export async function signUpClient(url, label) {
  const email = `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  const password = 'a long enough pass phrase 42';
  const json = { 'content-type': 'application/json' };
  const registered = await send('POST', `${url}/api/auth/register`, {
    headers: json,
    body: JSON.stringify({ email, password, name: `Bench ${label}`, role: 'client' }),
  });
  if (registered.status !== 202) throw new Error(`sign-up ${registered.status} ${registered.body}`);
  const res = await send('POST', `${url}/api/auth/login`, {
    headers: json,
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`log-in ${res.status} ${res.body}`);
  const cookie = [res.headers['set-cookie']]
    .flat()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: JSON.parse(res.body).csrfToken };
}

/** POST /api/drafts with consent and `photo`; resolves with the response. */
export function uploadDraft(url, who, photo) {
  const boundary = `----lensbridge${Math.random().toString(16).slice(2)}`;
  const field = (k, v) =>
    `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  const body = Buffer.concat([
    Buffer.from(
      field('consent', 'true') +
        field('noticeVersion', processingNotice.PROCESSING_NOTICE_VERSION) +
        `--${boundary}\r\ncontent-disposition: form-data; name="photo"; filename="me.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`,
    ),
    photo,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return send('POST', `${url}/api/drafts`, {
    headers: {
      cookie: who.cookie,
      'x-csrf-token': who.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    body,
  });
}

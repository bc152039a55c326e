import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './processes';

/**
 * A real CalDAV server (Radicale 3, the Debian package) on a free loopback port, with a fresh
 * storage folder and two users. The helpers speak plain HTTP with Basic auth and parse the XML
 * with regular expressions on purpose: they are the oracle for a CalDAV client, so they must not
 * share its library.
 */
export interface RadicaleUser {
  username: string;
  password: string;
}

export interface RadicaleEvent {
  /** Absolute URL of the calendar object. */
  href: string;
  etag: string | null;
  data: string;
}

export interface RunningRadicale {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  origin: string;
  users: RadicaleUser[];
  /**
   * Creates the calendar `<url><user>/<name>/` (MKCALENDAR) for `components` (default VEVENT);
   * returns its URL, ending in `/`.
   */
  makeCalendar(
    user: string,
    name: string,
    options: { displayName: string; components?: string[] },
  ): Promise<string>;
  /** Writes `<collectionUrl><filename>` unconditionally (as a user's own client would). */
  putEvent(
    user: string,
    collectionUrl: string,
    filename: string,
    ics: string,
  ): Promise<{ href: string; etag: string | null }>;
  deleteEvent(user: string, url: string): Promise<void>;
  /** Every calendar object in the collection, with its text (PROPFIND depth 1, then GET each). */
  listEvents(user: string, collectionUrl: string): Promise<RadicaleEvent[]>;
  /** Stops answering (the storage stays), as an outage would. */
  stop(): Promise<void>;
  /** Answers again on the same port, with the same calendars. */
  resume(): Promise<void>;
  close(): Promise<void>;
}

const USERS: RadicaleUser[] = [
  { username: 'ana', password: 'ana-secret' },
  { username: 'ben', password: 'ben-secret' },
];

export async function startRadicale(): Promise<RunningRadicale> {
  const probe = spawnSync('radicale', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error('Radicale is not installed: apt-get install radicale');
  }
  const directory = mkdtempSync(path.join(os.tmpdir(), 'lensbridge-radicale-'));
  const htpasswd = path.join(directory, 'users');
  writeFileSync(htpasswd, USERS.map((u) => `${u.username}:${u.password}\n`).join(''));
  const configFile = (port: number) => {
    const file = path.join(directory, 'config');
    writeFileSync(
      file,
      [
        '[server]',
        `hosts = 127.0.0.1:${port}`,
        '[auth]',
        'type = htpasswd',
        `htpasswd_filename = ${htpasswd}`,
        'htpasswd_encryption = plain',
        // Radicale waits a second after a wrong password by default.
        'delay = 0',
        '[rights]',
        'type = owner_only',
        '[storage]',
        `filesystem_folder = ${path.join(directory, 'collections')}`,
        '[web]',
        'type = none',
        '[logging]',
        'level = error',
        '',
      ].join('\n'),
    );
    return file;
  };

  let port = 0;
  let child: ChildProcess | null = null;
  for (let attempt = 0; child === null; attempt++) {
    port = await freePort();
    try {
      child = await launch(configFile(port), port);
    } catch (error) {
      if (attempt >= 4 || !String(error).includes('in use')) throw error;
    }
  }
  const origin = `http://127.0.0.1:${port}`;
  const url = `${origin}/`;
  const password = (user: string) => {
    const found = USERS.find((u) => u.username === user);
    if (!found) throw new Error(`No Radicale user ${user}`);
    return found.password;
  };
  const request = async (user: string, target: string, init: RequestInit) => {
    const auth = Buffer.from(`${user}:${password(user)}`).toString('base64');
    const response = await fetch(target, {
      ...init,
      headers: { authorization: `Basic ${auth}`, ...(init.headers as Record<string, string>) },
    });
    return { response, text: await response.text() };
  };
  const expectOk = (what: string, { response, text }: { response: Response; text: string }) => {
    if (!response.ok) throw new Error(`${what}: ${response.status} ${text.slice(0, 300)}`);
  };

  return {
    url,
    origin,
    users: USERS.map((u) => ({ ...u })),
    async makeCalendar(user, name, { displayName, components = ['VEVENT'] }) {
      const target = `${url}${user}/${name}/`;
      const body = `<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:set><D:prop>
    <D:displayname>${escapeXml(displayName)}</D:displayname>
    <C:supported-calendar-component-set>${components.map((c) => `<C:comp name="${c}"/>`).join('')}</C:supported-calendar-component-set>
  </D:prop></D:set>
</C:mkcalendar>`;
      expectOk(
        `MKCALENDAR ${target}`,
        await request(user, target, {
          method: 'MKCALENDAR',
          headers: { 'content-type': 'application/xml; charset=utf-8' },
          body,
        }),
      );
      return target;
    },
    async putEvent(user, collectionUrl, filename, ics) {
      const href = new URL(filename, collectionUrl).href;
      const result = await request(user, href, {
        method: 'PUT',
        headers: { 'content-type': 'text/calendar; charset=utf-8' },
        body: ics,
      });
      expectOk(`PUT ${href}`, result);
      return { href, etag: result.response.headers.get('etag') };
    },
    async deleteEvent(user, target) {
      expectOk(`DELETE ${target}`, await request(user, target, { method: 'DELETE' }));
    },
    async listEvents(user, collectionUrl) {
      const listing = await request(user, collectionUrl, {
        method: 'PROPFIND',
        headers: { depth: '1', 'content-type': 'application/xml; charset=utf-8' },
        body: '<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:prop><D:getetag/></D:prop></D:propfind>',
      });
      expectOk(`PROPFIND ${collectionUrl}`, listing);
      const hrefs = [...listing.text.matchAll(/<(?:\w+:)?href>([^<]+)<\/(?:\w+:)?href>/g)]
        .map((match) => new URL(unescapeXml(match[1]), collectionUrl).href)
        .filter((href) => !href.endsWith('/'));
      const events: RadicaleEvent[] = [];
      for (const href of hrefs) {
        const got = await request(user, href, { method: 'GET' });
        expectOk(`GET ${href}`, got);
        events.push({ href, etag: got.response.headers.get('etag'), data: got.text });
      }
      return events;
    },
    async stop() {
      await terminate(child);
      child = null;
    },
    async resume() {
      if (child) return;
      child = await launch(configFile(port), port);
    },
    async close() {
      await terminate(child);
      child = null;
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * Runs radicale (a Python program) in a process that Linux ends when jest's process ends
 * (PR_SET_PDEATHSIG survives exec), so a suite that never reaches close() leaves no server
 * behind. Elsewhere the prctl call fails and radicale runs plainly.
 */
const DIE_WITH_PARENT = [
  'import ctypes, os, signal, sys',
  'try:',
  '    ctypes.CDLL(None).prctl(1, signal.SIGTERM)',
  'except Exception:',
  '    pass',
  "os.execvp('radicale', ['radicale'] + sys.argv[1:])",
].join('\n');

/** Starts radicale and resolves once its port answers; rejects with its output if it exits. */
async function launch(configFile: string, port: number): Promise<ChildProcess> {
  const child = spawn('python3', ['-c', DIE_WITH_PARENT, '--config', configFile], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (output += chunk));
  let exited = false;
  child.on('exit', () => (exited = true));
  child.on('error', (error) => {
    output += String(error);
    exited = true;
  });
  for (let waited = 0; waited < 15_000; waited += 50) {
    if (exited) throw new Error(`radicale exited before answering on ${port}:\n${output}`);
    if ((await answers(port)) && !exited) return child;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await terminate(child);
  throw new Error(`radicale did not answer on port ${port} within 15 s:\n${output}`);
}

/** Radicale (not whatever else took the port meanwhile) answers there: its DAV header says so. */
async function answers(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/`, { method: 'OPTIONS' });
    await response.arrayBuffer();
    return (response.headers.get('dav') ?? '').includes('calendar-access');
  } catch {
    return false;
  }
}

async function terminate(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

import { describe, expect, it, vi } from 'vitest';
import { fakeApi, json } from './fake-api';

// The helper must record what went over the wire, however the request was made: openapi-fetch
// calls `fetch(new Request(url, init))`, `api.upload` uses XMLHttpRequest.
describe('fakeApi', () => {
  it('records a fetch(url, init) call: method, path, query, headers, JSON body, credentials', async () => {
    const fake = fakeApi({ 'POST /api/things': () => json(201, { id: 1 }) });

    const response = await fetch('/api/things?from=2026-01-01', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 't' },
      body: JSON.stringify({ name: 'lens' }),
      credentials: 'include',
    });

    expect(await response.json()).toEqual({ id: 1 });
    const [call] = fake.callsTo('POST /api/things');
    expect(call?.query.get('from')).toBe('2026-01-01');
    expect(call?.headers.get('x-csrf-token')).toBe('t');
    expect(call?.body).toEqual({ name: 'lens' });
    expect(call?.credentials).toBe('include');
  });

  it('records a fetch(new Request(...)) call, with nothing in a second argument', async () => {
    const fake = fakeApi({ 'PATCH /api/things/1': () => json(200, { id: 1 }) });

    const url = new URL('/api/things/1?draft=true', location.href);
    await fetch(
      new Request(url, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 't' },
        body: JSON.stringify({ name: 'lens' }),
        credentials: 'include',
      }),
    );

    expect(fake.calls).toEqual([
      expect.objectContaining({
        method: 'PATCH',
        path: '/api/things/1',
        body: { name: 'lens' },
        credentials: 'include',
      }),
    ]);
    expect(fake.calls[0]?.query.get('draft')).toBe('true');
    expect(fake.calls[0]?.headers.get('x-csrf-token')).toBe('t');
  });

  it('records an XMLHttpRequest with its multipart body', async () => {
    const fake = fakeApi({ 'POST /api/uploads': () => json(201, { id: 'u1' }) });
    const form = new FormData();
    form.append('note', 'hello');

    const status = await new Promise<number>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/uploads');
      xhr.setRequestHeader('X-CSRF-Token', 't');
      xhr.onload = () => resolve(xhr.status);
      xhr.onerror = () => reject(new Error('network error'));
      xhr.send(form);
    });

    expect(status).toBe(201);
    const [call] = fake.callsTo('POST /api/uploads');
    expect(call?.headers.get('x-csrf-token')).toBe('t');
    expect((call?.body as FormData).get('note')).toBe('hello');
  });

  it('answers an unknown API route like the real server, and records it', async () => {
    const fake = fakeApi({});

    const response = await fetch('/api/nowhere', { method: 'DELETE' });

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    expect(fake.callsTo('DELETE /api/nowhere')).toHaveLength(1);
  });

  it('fails a request outside the API instead of letting it reach the network', async () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
    fakeApi({});

    await expect(fetch('https://images.example.com/portrait.jpg')).rejects.toThrow(
      /onUnhandledRequest/,
    );
    expect(printed).toHaveBeenCalledWith(expect.stringContaining('without a matching'));
  });

  it('refuses a route it cannot read', () => {
    expect(() => fakeApi({ 'FETCH /api/things': () => json(200, []) })).toThrow(
      "Not a route: 'FETCH /api/things'",
    );
  });
});

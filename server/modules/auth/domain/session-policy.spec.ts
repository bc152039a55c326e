import { isSessionLive, sessionExpiry, shouldExtendSession } from './session-policy';

const at = (iso: string) => new Date(iso);

describe('session policy', () => {
  it('expires a session ttl hours after it was last extended', () => {
    expect(sessionExpiry(at('2026-03-28T23:00:00Z'), 24).toISOString()).toBe(
      '2026-03-29T23:00:00.000Z',
    );
  });

  it.each([
    ['2026-01-01T11:59:59Z', true],
    ['2026-01-01T12:00:00Z', false],
    ['2026-01-02T00:00:00Z', false],
  ])('at %s a session expiring at noon is live: %s', (now, live) => {
    const session = {
      lastSeenAt: at('2026-01-01T00:00:00Z'),
      expiresAt: at('2026-01-01T12:00:00Z'),
    };
    expect(isSessionLive(session, at(now))).toBe(live);
  });

  it.each([
    ['2026-01-01T00:04:59Z', false],
    ['2026-01-01T00:05:00Z', true],
  ])('extends a session seen at midnight when the next request comes at %s: %s', (now, extend) => {
    const session = {
      lastSeenAt: at('2026-01-01T00:00:00Z'),
      expiresAt: at('2026-01-02T00:00:00Z'),
    };
    expect(shouldExtendSession(session, at(now))).toBe(extend);
  });
});

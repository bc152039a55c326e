import { canMove, expiryFor, isExpired, sourceIsDue } from './draft-lifecycle';

describe('draft lifecycle', () => {
  it.each([
    ['queued', 'processing', true],
    ['processing', 'ready', true],
    ['processing', 'failed', true],
    ['ready', 'expired', true],
    ['ready', 'processing', false],
    ['failed', 'ready', false],
    ['expired', 'ready', false],
  ] as const)('%s → %s allowed: %p', (from, to, allowed) => {
    expect(canMove(from, to)).toBe(allowed);
  });

  const created = new Date('2026-03-01T10:00:00Z');

  it('expires 30 days after upload unless kept', () => {
    const expiresAt = expiryFor(created, 30);
    expect(expiresAt.toISOString()).toBe('2026-03-31T10:00:00.000Z');
    const justAfter = new Date(expiresAt.getTime() + 1);
    expect(isExpired({ expiresAt, keep: false }, justAfter)).toBe(true);
    expect(isExpired({ expiresAt, keep: true }, justAfter)).toBe(false);
    expect(isExpired({ expiresAt, keep: false }, created)).toBe(false);
  });

  it('deletes the original upload within 24 hours at the latest', () => {
    const draft = { createdAt: created, sourceBlobKey: 'drafts/x/source.jpg' };
    expect(sourceIsDue(draft, new Date('2026-03-02T09:59:59Z'), 24)).toBe(false);
    expect(sourceIsDue(draft, new Date('2026-03-02T10:00:00Z'), 24)).toBe(true);
    expect(sourceIsDue({ ...draft, sourceBlobKey: null }, new Date('2026-04-01'), 24)).toBe(false);
  });
});

import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

interface LintMessage {
  ruleId: string | null;
  message: string;
  line: number;
}

/**
 * Lints fixtures the repository's own lint run ignores, with the repository's config, through
 * the eslint command (as CI runs it).
 */
function messagesFor(file: string): LintMessage[] {
  const run = spawnSync(
    path.join(root, 'node_modules/.bin/eslint'),
    ['--no-ignore', '--format', 'json', file],
    { cwd: root, encoding: 'utf8' },
  );
  const results = JSON.parse(run.stdout) as { messages: LintMessage[] }[];
  return results.flatMap((r) => r.messages);
}

describe('lint rules bite', () => {
  it('import-x/no-cycle finds a two-file cycle of extensionless TypeScript imports', () => {
    expect(messagesFor('test/lint/fixtures/cycle/first.ts')).toEqual(
      expect.arrayContaining([expect.objectContaining({ ruleId: 'import-x/no-cycle' })]),
    );
  }, 120_000);

  it('import-x/no-restricted-paths keeps a module out of another module’s internals, not its services', () => {
    const boundaries = messagesFor('test/lint/fixtures/modules/gallery/gallery.service.ts').filter(
      (m) => m.ruleId === 'import-x/no-restricted-paths',
    );
    // Line 1 imports the bookings entity; line 2 the bookings service, which is allowed.
    expect(boundaries.map((m) => m.line)).toEqual([1]);
    expect(boundaries[0]!.message).toContain('../bookings/booking.entity');
  }, 120_000);

  it('no-restricted-syntax keeps hand-typed fetch and XHR calls to /api out of the client', () => {
    const calls = messagesFor('test/lint/fixtures/client/hand-typed-calls.ts').filter(
      (m) => m.ruleId === 'no-restricted-syntax',
    );
    // fetch('/api…'), globalThis.fetch(`/api…`) and new XMLHttpRequest(); not the fetch elsewhere.
    expect(calls.map((m) => m.line)).toEqual([6, 7, 8]);
    expect(calls[0]!.message).toContain('apiClient');
  }, 120_000);
});

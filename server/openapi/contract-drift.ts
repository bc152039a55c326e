const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Json = Record<string, unknown>;

/**
 * What differs between the committed contract files and the ones the code generates, in words
 * a reviewer can act on; undefined when they are the same. Keys are file paths, values texts.
 */
export function driftReport(
  committed: Record<string, string>,
  generated: Record<string, string>,
): string | undefined {
  const stale = Object.keys(generated).filter((file) => committed[file] !== generated[file]);
  if (stale.length === 0) return undefined;
  const lines = ['The committed API contract differs from the code:'];
  for (const file of stale) {
    lines.push(`  ${file}:`);
    const details = file.endsWith('.json')
      ? documentChanges(parse(committed[file]), parse(generated[file]))
      : [];
    if (details.length === 0)
      details.push(firstDifferentLine(committed[file] ?? '', generated[file]!));
    lines.push(...details.slice(0, 20).map((detail) => `    ${detail}`));
    if (details.length > 20) lines.push(`    … and ${details.length - 20} more`);
  }
  lines.push(
    `Run \`npm run openapi:generate\` and commit ${stale.join(' and ')}` +
      ' (the client types come from the document, so both change together).',
  );
  return lines.join('\n');
}

function parse(text: string | undefined): Json {
  try {
    return JSON.parse(text ?? '') as Json;
  } catch {
    return {};
  }
}

/** `~ POST /api/bookings` for a changed operation, `+`/`-` for added or removed ones. */
function documentChanges(before: Json, after: Json): string[] {
  const entries = (document: Json) => {
    const map = new Map<string, string>();
    for (const [route, item] of Object.entries((document.paths ?? {}) as Record<string, Json>)) {
      for (const method of METHODS) {
        if (item[method]) map.set(`${method.toUpperCase()} ${route}`, JSON.stringify(item[method]));
      }
    }
    const components = (document.components ?? {}) as Record<string, Json>;
    for (const [kind, named] of Object.entries(components)) {
      for (const [name, value] of Object.entries(named)) {
        map.set(`components/${kind}/${name}`, JSON.stringify(value));
      }
    }
    const rest = Object.entries(document).filter(([key]) => !['paths', 'components'].includes(key));
    for (const [key, value] of rest) map.set(key, JSON.stringify(value));
    return map;
  };
  const old = entries(before);
  const now = entries(after);
  const changes: string[] = [];
  for (const [key, value] of now) {
    if (!old.has(key)) changes.push(`+ ${key} (in the code, not in the committed file)`);
    else if (old.get(key) !== value) changes.push(`~ ${key} (changed)`);
  }
  for (const key of old.keys()) {
    if (!now.has(key)) changes.push(`- ${key} (in the committed file, no longer in the code)`);
  }
  return changes;
}

function firstDifferentLine(before: string, after: string): string {
  const old = before.split('\n');
  const now = after.split('\n');
  const index = now.findIndex((line, i) => line !== old[i]);
  const at = index === -1 ? now.length : index;
  return `line ${at + 1}: committed ${JSON.stringify(old[at] ?? '')}, generated ${JSON.stringify(now[at] ?? '')}`;
}

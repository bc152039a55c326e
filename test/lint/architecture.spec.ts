import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '../..');

/** Source files under `dir` (relative to the repository), tests and generated files left out. */
function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx)$/.test(file))
    .filter((file) => !/(\.spec|\.test|\.d)\.tsx?$/.test(file))
    .filter((file) => !file.split(path.sep).includes('migrations'))
    .map((file) => path.join(dir, file));
}

const product = [...sources('server'), ...sources('shared'), ...sources('client/src')];

/** Classes marked @Injectable() and how many constructor parameters each takes. */
function injectables(file: string): { name: string; dependencies: number }[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { name: string; dependencies: number }[] = [];
  source.forEachChild(function visit(node) {
    if (ts.isClassDeclaration(node)) {
      const injectable = ts
        .getDecorators(node)
        ?.some((d) => d.expression.getText(source).startsWith('Injectable('));
      const constructor = node.members.find(ts.isConstructorDeclaration);
      if (injectable) {
        found.push({
          name: node.name?.text ?? '(anonymous)',
          dependencies: constructor?.parameters.length ?? 0,
        });
      }
    }
    node.forEachChild(visit);
  });
  return found;
}

/** The size rules of the README's architecture section, checked on every source file. */
describe('architecture rules', () => {
  it('finds the product sources it checks', () => {
    expect(product.length).toBeGreaterThan(300);
    expect(product).toContain(path.join('server', 'modules', 'bookings', 'bookings.service.ts'));
  });

  it('keeps every source file at 400 lines or fewer (migrations and tests aside)', () => {
    const long = product
      .map((file) => ({ file, lines: readFileSync(path.join(root, file), 'utf8').split('\n') }))
      .filter(({ lines }) => lines.length > 400 + (lines.at(-1) === '' ? 1 : 0))
      .map(({ file, lines }) => `${file}: ${lines.length} lines`);
    expect(long).toEqual([]);
  });

  // Repositories are left out: they take one TypeORM repository per table of their module.
  it('gives no injectable service more than six constructor dependencies', () => {
    const all = sources('server')
      .flatMap((file) => injectables(file).map((c) => ({ ...c, file })))
      .filter((c) => !c.name.endsWith('Repository'));
    expect(all.length).toBeGreaterThan(50);
    const heavy = all
      .filter((c) => c.dependencies > 6)
      .map((c) => `${c.file} ${c.name}: ${c.dependencies}`);
    expect(heavy).toEqual([]);
  });
});

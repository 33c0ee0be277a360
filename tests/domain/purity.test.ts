import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const domainDir = join(root, 'domain');

/** The third-party packages the domain may use: pure calculation and validation only. */
const ALLOWED_PACKAGES = new Set(['zod', 'date-fns', '@date-fns/utc', 'date-holidays']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (match) => (match[1] ?? match[2]) as string,
  );
}

describe('domain purity', () => {
  const files = sourceFiles(domainDir);

  it.each(files.map((file) => [relative(root, file), file]))('%s imports only the domain and pure packages', (_name, file) => {
    const offending = importsOf(file).filter((specifier) => {
      if (specifier.startsWith('.')) return !join(file, '..', specifier).startsWith(domainDir);
      const packageName = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
      return !ALLOWED_PACKAGES.has(packageName ?? '');
    });
    expect(offending).toEqual([]);
  });

  it.each(files.map((file) => [relative(root, file), file]))('%s reads no clock and no environment', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    // `process.` alone would match prose in a policy file ("the assessment process."); ESLint's
    // no-restricted-globals bans the global itself in domain/.
    expect(text).not.toMatch(/Date\.now\(|new Date\(\)|\bprocess\.(env|argv|cwd|hrtime|uptime|memoryUsage)\b|performance\.now/);
  });
});

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/** Every installed package's own `engines.node`, so a clean install on our range prints no EBADENGINE warning. */
function installedEngines(root: string): { name: string; range: string }[] {
  const found: { name: string; range: string }[] = [];
  const visit = (folder: string): void => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder)) {
      if (entry.startsWith('.')) continue;
      const packageFolder = join(folder, entry);
      if (entry.startsWith('@')) {
        visit(packageFolder);
        continue;
      }
      const manifestPath = join(packageFolder, 'package.json');
      if (!existsSync(manifestPath)) continue;
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { name?: string; engines?: { node?: string } };
      if (manifest.engines?.node) found.push({ name: manifest.name ?? entry, range: manifest.engines.node });
      visit(join(packageFolder, 'node_modules'));
    }
  };
  visit(root);
  return found;
}

describe('the supported Node range', () => {
  const ourRange = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }).engines.node;

  it('includes the machines\' Node 20 and production\'s Node 24', () => {
    expect(semver.satisfies('20.19.0', ourRange)).toBe(true);
    expect(semver.satisfies('24.0.0', ourRange)).toBe(true);
  });

  it('is accepted by every installed package, at its lowest and on Node 24', () => {
    const refusing = installedEngines('node_modules')
      .filter(({ range }) => !semver.satisfies('20.19.0', range) || !semver.satisfies('24.0.0', range))
      .map(({ name, range }) => `${name} (${range})`);
    expect(refusing).toEqual([]);
  });
});

import { spawnSync } from 'node:child_process';

/**
 * Runs every test of the given files on its own (`vitest run <file> -t "^<full name>$"`), one after another, and
 * prints one line per test: a test that passes only after an earlier one of its file has run fails here.
 * `npx tsx scripts/each-test-alone.ts tests/a.test.ts [tests/b.test.ts …]`; exit 1 when any test fails alone.
 */
interface ListedTest {
  readonly name: string;
  readonly file: string;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('Usage: tsx scripts/each-test-alone.ts <test file>…');
  process.exit(2);
}

const escapeForRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let failed = 0;
for (const file of files) {
  const listed = spawnSync('npx', ['vitest', 'list', file, '--json'], { encoding: 'utf8' });
  if (listed.status !== 0) {
    console.log(`LIST FAILED ${file}\n${listed.stderr}`);
    failed++;
    continue;
  }
  const tests = JSON.parse(listed.stdout.slice(listed.stdout.indexOf('['))) as ListedTest[];
  for (const test of tests) {
    // `vitest list` joins describe and test names with " > "; `-t` matches them joined with a space.
    const pattern = `^${escapeForRegExp(test.name.split(' > ').join(' '))}$`;
    const started = Date.now();
    const run = spawnSync('npx', ['vitest', 'run', file, '-t', pattern], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const output = `${run.stdout}${run.stderr}`;
    const summary = /Tests\s+(.*)/.exec(output)?.[1]?.trim() ?? 'no summary';
    // Exactly one test must have run: a pattern matching none would pass vacuously.
    const ranOne = /^1 passed( \| \d+ skipped)? \(\d+\)$/.test(summary);
    if (run.status !== 0 || !ranOne) failed++;
    console.log(`${run.status === 0 && ranOne ? 'PASS' : 'FAIL'} ${((Date.now() - started) / 1000).toFixed(1)}s ${file} > ${test.name} [${summary}]`);
  }
}
process.exit(failed === 0 ? 0 : 1);

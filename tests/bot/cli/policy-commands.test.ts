import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { policyFor } from '../../../domain/policy/registry.js';
import { PolicyInputSchema, PolicySchema } from '../../../domain/policy/schema.js';
import { docxOf, htmlOf } from '../../helpers/documents.js';
import { policySourcesMissing, seedText } from '../../helpers/seeds.js';

/** Why the tests that read the procedures (../shared/seeds, or POLICY_SOURCES) cannot run here; undefined when they can. */
const SOURCES_MISSING = policySourcesMissing();

const folder = mkdtempSync(join(tmpdir(), 'policy-commands-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function run(script: 'policy-check' | 'policy-draft', args: readonly string[]) {
  const result = spawnSync('node_modules/.bin/tsx', [`bot/cli/${script}.ts`, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Camden's procedure as the council's Word file, one paragraph a line (its headings as Word headings). */
function camdenBlocks(text: string) {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter((block) => block.length > 0)
    .map((block) => ({ heading: /^\d+(\.\d+)? [A-Z]/.test(block) && !/[.;:]$/.test(block) && block.split(' ').length < 14, text: block }));
}

// Each command starts its own Node process through tsx, a few seconds each on a busy machine.
describe.skipIf(SOURCES_MISSING !== undefined)(`npm run policy:check and policy:draft (reads ../shared/seeds${SOURCES_MISSING ? `; skipped: ${SOURCES_MISSING}` : ''})`, { timeout: 90_000 }, () => {
  const camden = policyFor('camden');
  if (!camden.ok) throw new Error('no Camden policy');
  const seed = SOURCES_MISSING ? '' : seedText(camden.value.source.file);

  it('reports nothing and exits 0 for the same procedure as a Word file', () => {
    const path = join(folder, 'camden-same.docx');
    writeFileSync(path, docxOf(camdenBlocks(seed)));
    const result = run('policy-check', ['--authority', 'camden', path]);
    expect(result.stdout).toContain('Nothing changed');
    expect(result.code).toBe(0);
  });

  it('exits 1 and names the changed figure, as text and as JSON', () => {
    const path = join(folder, 'camden-revised.txt');
    writeFileSync(path, seed.replace('held within **14 days**', 'held within **10 days**'));
    const text = run('policy-check', ['--authority', 'camden', path]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('camden.cancelled-review.within-fourteen-days (10.3 Arranging reviews): CHANGED; "14 days" became "10 days"');
    const json = run('policy-check', ['--authority', 'camden', '--json', path]);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { rules: { ruleId: string; status: { kind: string; figures: unknown } }[] };
    expect(report.rules).toEqual([
      expect.objectContaining({ ruleId: 'camden.cancelled-review.within-fourteen-days', status: expect.objectContaining({ kind: 'changed', figures: [{ from: '14 days', to: '10 days' }] }) as unknown }),
    ]);
  });

  it('refuses an unknown authority or format with exit 2 and says why', () => {
    expect(run('policy-check', ['--authority', 'nowhere', 'x.txt'])).toMatchObject({ code: 2, stderr: expect.stringContaining('No authority "nowhere". Known: redbridge') as unknown });
    const odt = join(folder, 'camden.odt');
    writeFileSync(odt, 'x');
    expect(run('policy-check', ['--authority', 'camden', odt])).toMatchObject({ code: 2, stderr: expect.stringContaining('read .txt, .html, .docx or .pdf') as unknown });
  });

  it('drafts a new authority from a web page: its text, and a policy the loader refuses until every rule is reviewed', async () => {
    const page = join(folder, 'newtown.html');
    writeFileSync(page, htmlOf(camdenBlocks(seed)));
    const out = join(folder, 'drafts');
    const result = run('policy-draft', ['--authority', 'newtown', '--name', 'Newtown Council', '--out', out, page]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { newtown } = (await import(join(out, 'newtown.ts'))) as { newtown: unknown };
    const draft = PolicyInputSchema.parse(newtown);
    const text = readFileSync(join(out, 'newtown.txt'), 'utf8').replace(/\s+/g, ' ');
    expect(draft.rules.length).toBeGreaterThanOrEqual(11);
    expect(draft.rules.filter((rule) => !text.includes(rule.citation.quote)).map((rule) => rule.id)).toEqual([]);
    const refused = PolicySchema.safeParse(draft);
    expect(refused.error?.issues[0]?.message).toContain(`newtown: ${draft.rules.length} rules still marked review: 'needed'`);
    expect(run('policy-draft', ['--authority', 'newtown', '--name', 'Newtown Council', '--out', out, page])).toMatchObject({ code: 2, stderr: expect.stringContaining('Not overwriting') as unknown });
  });
});

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkPolicy, type FigureChange, type PolicyCheck, type RuleQuoteCheck } from '../../domain/policy/check-policy.js';
import { POLICIES, policyFor } from '../../domain/policy/registry.js';
import type { Policy } from '../../domain/policy/schema.js';
import { readDocument, UnreadableDocument } from './read-document.js';

/** The text each policy's rules were read from: POLICY_SOURCES names the folder, else the seeds beside the project. */
const SEEDS_DIR = process.env.POLICY_SOURCES ?? fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));

const USAGE = 'npm run policy:check -- --authority <slug> [--json] [--seeds <folder>] <new-document.txt|.html|.docx|.pdf>';

/**
 * `npm run policy:check -- --authority camden new-version.docx`: every rule whose quote is no longer verbatim
 * under its heading in the new version, and every new sentence that sets a timescale or names who decides and
 * that no rule cites. Exit code 0 when nothing changed, 1 when something did, 2 when it could not check.
 */
async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { authority: { type: 'string' }, json: { type: 'boolean', default: false }, seeds: { type: 'string', default: SEEDS_DIR } },
  });
  const [documentPath] = positionals;
  const found = policyFor(values.authority ?? '');
  const policy = found.ok ? found.value : undefined;
  if (!policy || !documentPath) {
    const known = POLICIES.map((candidate) => candidate.authority.id).join(', ');
    process.stderr.write(`${policy ? 'Name the new document.' : `No authority "${values.authority ?? ''}". Known: ${known}.`}\nUsage: ${USAGE}\n`);
    return 2;
  }
  const seedPath = `${values.seeds.replace(/\/?$/, '/')}${policy.source.file}`;
  const previous = await readFile(seedPath).catch(() => undefined);
  if (!previous) {
    process.stderr.write(`Cannot read ${seedPath}, the text ${policy.authority.name}'s rules were read from; give its folder with --seeds.\n`);
    return 2;
  }
  let newText: string;
  try {
    newText = await readDocument(documentPath);
  } catch (error) {
    process.stderr.write(`${error instanceof UnreadableDocument ? error.message : `Cannot read ${documentPath}: ${(error as Error).message}`}\n`);
    return 2;
  }
  const report = checkPolicy(policy, previous.toString('utf8'), newText);
  const newSha256 = createHash('sha256').update(await readFile(documentPath)).digest('hex');
  if (values.json) process.stdout.write(`${JSON.stringify({ ...report, document: documentPath, sha256: newSha256 }, null, 2)}\n`);
  else process.stdout.write(`${asText(policy, report, documentPath)}\n${sameFileNote(policy, newSha256)}`);
  return report.changed ? 1 : 0;
}

function asText(policy: Policy, report: PolicyCheck, documentPath: string): string {
  const title = `${policy.authority.name}: ${policy.rules.length} rules checked against ${documentPath} (rules read from ${policy.source.file}, ${policy.source.version}, checked ${policy.source.checkedOn})`;
  if (!report.changed) return `${title}\n\nNothing changed: every quote is still there word for word under its heading, and no new sentence sets a timescale or names who decides.`;
  const counts = ['changed', 'moved', 'gone'].map((kind) => `${report.rules.filter((check) => check.status.kind === kind).length} ${kind}`).join(', ');
  return [
    title,
    '',
    `${counts}; ${report.uncited.length} new sentences that no rule cites.`,
    ...report.rules.map(describeCheck),
    ...(report.uncited.length > 0 ? ['', 'New sentences that no rule cites:'] : []),
    ...report.uncited.map((statement) => `- [${statement.states.join(', ')}] ${statement.section || '(before the first heading)'}: "${statement.sentence}"`),
    '',
    'Update the rules (and source.sha256, source.checkedOn) to match, then run the tests: npx vitest run tests/domain/policy',
  ].join('\n');
}

function sameFileNote(policy: Policy, newSha256: string): string {
  return newSha256 === policy.source.sha256 ? `(${policy.source.file} itself: its SHA-256 is the one the policy records.)\n` : `(SHA-256 of the new version: ${newSha256}.)\n`;
}

function describeCheck(check: RuleQuoteCheck): string {
  const heading = `\n${check.ruleId} (${check.section})`;
  switch (check.status.kind) {
    case 'moved':
      return `${heading}: MOVED, word for word, to "${check.status.section || '(before the first heading)'}"`;
    case 'gone':
      return `${heading}: GONE. The sentence was:\n  "${check.status.oldSentence}"`;
    case 'changed':
      return [
        `${heading}: CHANGED${check.status.section === check.section ? '' : `, now under "${check.status.section}"`}${figureWords(check.status.figures)}`,
        `  was: "${check.status.oldSentence}"`,
        `  now: "${check.status.newSentence}"`,
      ].join('\n');
  }
}

function figureWords(figures: readonly FigureChange[]): string {
  if (figures.length === 0) return '; no figure changed';
  return `; ${figures.map(({ from, to }) => (from && to ? `"${from}" became "${to}"` : from ? `"${from}" was removed` : `"${to ?? ''}" was added`)).join('; ')}`;
}

process.exitCode = await main(process.argv.slice(2));

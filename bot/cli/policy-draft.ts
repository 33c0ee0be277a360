import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { londonDateOf } from '../../domain/dates/local-date.js';
import { draftPolicy, type DraftCandidate, type PolicyDraft } from '../../domain/policy/draft-policy.js';
import { POLICIES } from '../../domain/policy/registry.js';
import { readDocument } from './read-document.js';

const SCHEMA_MODULE = fileURLToPath(new URL('../../domain/policy/schema.js', import.meta.url));
const USAGE = 'npm run policy:draft -- --authority <slug> --name "<Authority name>" [--out <folder>] <document.txt|.html|.docx|.pdf>';

/**
 * `npm run policy:draft -- --authority newtown --name "Newtown Council" procedure.docx`: writes the procedure's
 * text (`<slug>.txt`, the seed the rules will quote) and a draft policy file (`<slug>.ts`) with every timescale
 * sentence as a candidate rule marked `review: 'needed'`, into `drafts/` unless `--out` says otherwise.
 */
async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { authority: { type: 'string' }, name: { type: 'string' }, out: { type: 'string', default: 'drafts' } },
  });
  const [documentPath] = positionals;
  const authorityId = values.authority ?? '';
  const problem = !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(authorityId)
    ? 'Give the authority a slug of lower-case words joined by hyphens, e.g. --authority north-yorkshire.'
    : POLICIES.some((policy) => policy.authority.id === authorityId)
      ? `${authorityId} already has a policy; check a new version of its document with npm run policy:check.`
      : (values.name?.trim().length ?? 0) < 3
        ? 'Give the authority\u2019s name, e.g. --name "North Yorkshire Council".'
        : !documentPath
          ? 'Name the document to draft from.'
          : undefined;
  if (problem || !documentPath) {
    process.stderr.write(`${problem ?? ''}\nUsage: ${USAGE}\n`);
    return 2;
  }
  const outDir = resolve(values.out);
  const policyPath = join(outDir, `${authorityId}.ts`);
  const textPath = join(outDir, `${authorityId}.txt`);
  const existing = [policyPath, textPath].filter((path) => existsSync(path));
  if (existing.length > 0) {
    process.stderr.write(`Not overwriting ${existing.join(' and ')}: move them away or give another --out.\n`);
    return 2;
  }
  let text: string;
  try {
    text = await readDocument(documentPath);
  } catch (error) {
    process.stderr.write(`Cannot read ${documentPath}: ${(error as Error).message}\n`);
    return 2;
  }
  const draft = draftPolicy({
    authorityId,
    authorityName: values.name?.trim() ?? authorityId,
    sourceFile: basename(textPath),
    sourceSha256: createHash('sha256').update(text).digest('hex'),
    documentText: text,
    today: londonDateOf(new Date()),
  });
  await mkdir(outDir, { recursive: true });
  await writeFile(textPath, text);
  await writeFile(policyPath, policyModule(draft, documentPath, relative(outDir, SCHEMA_MODULE)));
  process.stdout.write(
    [
      `${draft.candidates.length} candidate timescale rules from ${documentPath}, each marked review: 'needed'.`,
      `- ${policyPath}: the draft policy; confirm or correct each rule (topic, anchors, responsible, fulfilledBy), word "requires", add the role, condition and plan-content rules, then delete each mark`,
      `- ${textPath}: the text every quote is taken from; it goes to shared/seeds/ (source.file names it)`,
      `The loader refuses the file while any rule is still marked. See the README, "A sixth authority".`,
    ].join('\n') + '\n',
  );
  return 0;
}

/** The draft as a TypeScript module like the other authorities' files, each candidate with what was read. */
function policyModule(draft: PolicyDraft, documentPath: string, schemaImport: string): string {
  const { authority, source } = draft.policy;
  const constName = authority.id.replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
  const indented = (value: unknown, depth: number) =>
    JSON.stringify(value, null, 2)
      .replace(/^(\s*)"([A-Za-z_$][\w$]*)":/gm, '$1$2:')
      .replace(/\n/g, `\n${' '.repeat(depth)}`);
  const rules = draft.candidates.map((candidate) => `    ${readingComment(candidate)}\n    ${indented(candidate.rule, 4)},`);
  return `import type { PolicyInput } from '${schemaImport.replace(/\\/g, '/').replace(/^(?!\.)/, './')}';

/**
 * ${authority.name}: a DRAFT made by npm run policy:draft from ${basename(documentPath)}. Every rule is a candidate
 * marked review: 'needed'; the policy loader refuses this file until each is confirmed and its mark deleted.
 */
export const ${constName} = {
  authority: ${indented(authority, 2)},
  source: ${indented(source, 2)},
  rules: [
${rules.join('\n')}
  ],
} satisfies PolicyInput;
`;
}

function readingComment({ reading }: DraftCandidate): string {
  const figure = reading.figure.amount === 0 ? 'no figure (a deadline)' : `"${reading.figure.text}"`;
  const from = reading.anchorWords ? `"${reading.anchorWords}"` : 'no anchor named in the sentence';
  return `// read: ${figure} ${reading.offset.direction} ${from}${reading.recurring ? ', recurring' : ''}; anchor, topic and who is responsible are guesses`;
}

process.exitCode = await main(process.argv.slice(2));

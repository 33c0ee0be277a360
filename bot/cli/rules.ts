import { parseArgs } from 'node:util';
import { ruleCatalogue, type CatalogueEntry } from '../../domain/policy/catalogue.js';
import { POLICIES } from '../../domain/policy/registry.js';

/** `npm run rules [-- --authority camden] [-- --json]`: the rule catalogue for policy officers. */
function main(argv: readonly string[]): number {
  const { values } = parseArgs({
    args: [...argv],
    options: { authority: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const policies = values.authority ? POLICIES.filter((policy) => policy.authority.id === values.authority) : POLICIES;
  if (policies.length === 0) {
    const known = POLICIES.map((policy) => policy.authority.id).join(', ');
    process.stderr.write(`No authority "${values.authority ?? ''}". Known: ${known}\n`);
    return 2;
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(ruleCatalogue(policies), null, 2)}\n`);
    return 0;
  }
  const tables = policies.map((policy) => asTable(policy.authority.name, ruleCatalogue([policy])));
  const entries = ruleCatalogue(policies);
  const timescales = entries.filter((entry) => entry.kind === 'timescale').length;
  process.stdout.write(`${tables.join('\n\n')}\n\n${entries.length} rules, ${timescales} of them timescales or frequencies.\n`);
  return 0;
}

function asTable(authorityName: string, rules: readonly CatalogueEntry[]): string {
  const rows = rules.map((entry) =>
      [entry.id, entry.requires, timingCell(entry), `${entry.citation.section}: "${entry.citation.quote}"`].map(cell).join(' | '),
    );
  const header = [`## ${authorityName} (${rules.length} rules)`, '', '| rule | requires | timing | source |', '| --- | --- | --- | --- |'];
  return [...header, ...rows.map((row) => `| ${row} |`)].join('\n');
}

/** The timing, with the document's other figure for the same thing when there is one (the stricter is followed). */
function timingCell(entry: CatalogueEntry): string {
  const conflict = entry.conflictsWith ? `; the document also gives ${entry.conflictsWith}: the stricter date is followed` : '';
  return `${entry.timing ?? ''}${conflict}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

process.exitCode = main(process.argv.slice(2));

import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { englandAndWalesCalendar } from '../domain/calendar/holiday-calendar.js';
import { londonDateOf } from '../domain/dates/local-date.js';
import { POLICIES } from '../domain/policy/registry.js';
import { parseCensusCsv } from '../bot/cases/census-csv.js';
import { importCases, importTenantOf } from '../bot/cases/import-cases.js';
import { loadConfig } from '../bot/config.js';
import { AuditStore } from '../bot/store/audit.js';
import { CaseStore } from '../bot/store/cases.js';
import { openDatabase } from '../bot/store/database.js';
import { RoleStore } from '../bot/store/roles.js';

/**
 * `npm run import -- <file.csv> [--tenant <id>]`: loads cases and their census dates from a CSV into the bot's
 * database (DATA_DIR or DATABASE_URL, as the bot opens it). Exit code 0 when every row loaded, 1 when some
 * were rejected (each printed with its line and reason), 2 when nothing could be imported (usage, settings, an
 * unreadable or malformed file).
 */
const USAGE = 'Usage: npm run import -- <file.csv> [--tenant <tenant id>]';

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArguments>;
  try {
    args = parseArguments();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const [file, ...extra] = args.positionals;
  if (file === undefined || extra.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    console.error(`Cannot import. Fix these settings:\n${loaded.error.message}`);
    return 2;
  }
  const config = loaded.value;
  const tenant = importTenantOf(args.values.tenant, config);
  if (!tenant.ok) {
    console.error(`Cannot import. ${tenant.error}\n${USAGE}`);
    return 2;
  }
  const tenantId = tenant.value;

  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const at = new Date();
  const today = londonDateOf(at);
  const parsed = parseCensusCsv(text, today);
  if (!parsed.ok) {
    console.error(`${file}: ${parsed.error.message}`);
    return 2;
  }

  const database = await openDatabase(config.databaseUrl === undefined ? { dataDir: config.dataDir } : { databaseUrl: config.databaseUrl });
  try {
    const summary = await importCases(parsed.value.rows, {
      audit: new AuditStore(database.db),
      cases: new CaseStore(database.db, POLICIES, englandAndWalesCalendar()),
      roles: new RoleStore(database.db, config.botAdmins),
      tenantId,
      actorId: 'system:import',
      today,
      at,
      rejectedOnParsing: parsed.value.rejected,
    });
    console.log(
      `Imported ${file} into tenant ${tenantId} (${database.engine}): ${summary.created} created, ${summary.updated} updated, ` +
        `${summary.unchanged} unchanged, ${summary.eventsRecorded} events recorded, ${summary.rolesAssigned} roles assigned, ` +
        `${summary.rejected.length} rejected.`,
    );
    if (parsed.value.ignoredColumns.length > 0) console.log(`Columns not read: ${parsed.value.ignoredColumns.join(', ')}`);
    for (const rejection of summary.rejected) {
      console.log(`line ${rejection.line}${rejection.reference === undefined ? '' : ` (${rejection.reference})`}: ${rejection.reason}`);
    }
    return summary.rejected.length === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}

function parseArguments() {
  return parseArgs({ options: { tenant: { type: 'string' } }, allowPositionals: true });
}

process.exitCode = await main();

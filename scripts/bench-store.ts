import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { z } from 'zod';
import { CaseStore } from '../bot/store/cases.js';
import { RoleStore } from '../bot/store/roles.js';
import { TimelinessStore } from '../bot/store/timeliness.js';
import { casesBehindBar, teamFiguresFor } from '../bot/timeliness/team-figures.js';
import { commitProbe, dropMigrationBookkeeping, planOf, seededRows, serverVersion, vacuumAnalyze, withIndexesSetAside, type SeededRows } from '../bot/store/bench-database.js';
import { dropSchema, openDatabase, type Database, type Db } from '../bot/store/database.js';
import { englandAndWalesCalendar } from '../domain/calendar/holiday-calendar.js';
import { addCalendarDays } from '../domain/calendar/add-calendar-days.js';
import type { CaseEvent } from '../domain/cases/case-events.js';
import type { LocalDate } from '../domain/dates/local-date.js';
import { POLICIES } from '../domain/policy/registry.js';
import { figuresOf, timed, type Figures } from './bench/store-figures.js';
import { BENCH_TENANTS, CaseHistories, benchStaff, seededRandom } from './bench/store-histories.js';
import { seedCases, type Seeded } from './bench/store-seed.js';

/**
 * `npm run bench:store [-- --cases N]`: seeds N cases (default 400,000, England's children in need in a year)
 * with their events and obligations into a schema of its own on PostgreSQL (BENCH_DATABASE_URL, else
 * TEST_DATABASE_URL, else DATABASE_URL, else the local server), then measures "what is due on date D" as the
 * bot asks it (the reminder pass's scan of every tenant, a team's and a worker's deadlines), recording an event
 * through CaseStore.recordEvent, and the Team view's figures for one manager's team, each through the store
 * method the bot calls. Prints the figures beside the issue's targets and exits 1 if one is missed. The schema
 * is dropped at the end, whatever happens.
 */
const ArgsSchema = z.object({ cases: z.coerce.number().int().positive().default(400_000) });
const casesArg = process.argv.indexOf('--cases');
const { cases: caseCount } = ArgsSchema.parse({ cases: casesArg > 0 ? process.argv[casesArg + 1] : undefined });
const databaseUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** A fixed "today", so every run seeds and asks the same: the figures compare run to run. */
const TODAY = '2026-11-23' as LocalDate;
const AT = new Date('2026-11-23T10:00:00Z');
const DUE_ON_QUERIES = 50;
/** On different open cases; a smaller run may have fewer, and records on all it has. */
const RECORDINGS = 2_000;
const WARM_UP_RECORDINGS = 20;
const DUE_ON_TARGET_MS = 1_000;
const RECORD_P99_TARGET_MS = 10;
const SEEDING_GUIDE_SECONDS = 240;
const TEAM_VIEW_QUERIES = 100;
const TEAM_VIEW_P99_TARGET_MS = 300;

const schema = `bench_store_${randomUUID().slice(0, 8)}`;
const calendar = englandAndWalesCalendar();
const stopSeeding = new AbortController();

async function seed(db: Db): Promise<{ readonly rows: Seeded; readonly totalSeconds: number; readonly rebuildSeconds: number }> {
  const started = performance.now();
  const roles = new RoleStore(db, []);
  for (const staff of benchStaff()) await roles.assign(staff.tenantId, { userId: staff.userId, role: staff.role, team: staff.team }, 'bench', AT);
  // One a core, at most 8, among whom DISTINCT_HISTORIES divides evenly.
  const processes = Math.max(1, Math.min(8, availableParallelism()));
  const { loaded, rebuildSeconds } = await withIndexesSetAside(db, ['cases', 'case_events', 'obligations'], () =>
    seedCases({ databaseUrl, schema, cases: caseCount, today: TODAY, at: AT, batchSize: 2_000 }, processes, stopSeeding.signal),
  );
  return { rows: loaded, totalSeconds: (performance.now() - started) / 1000, rebuildSeconds };
}

interface DueOnFigures {
  readonly allTenants: Figures & { readonly meanRows: number };
  readonly oneTeam: Figures & { readonly meanRows: number };
  readonly oneWorker: Figures & { readonly meanRows: number };
}

/** The team of the n-th manager, tenants taken in turn. */
function benchTeam(index: number): { readonly tenantId: string; readonly team: string } {
  const managers = benchStaff().filter((member) => member.role === 'manager');
  return managers[index % managers.length] ?? managers[0]!;
}

/** The n-th worker, teams and tenants taken in turn. */
function benchWorker(index: number): { readonly tenantId: string; readonly userId: string } {
  const workers = benchStaff().filter((member) => member.role === 'worker');
  return workers[index % workers.length] ?? workers[0]!;
}

/**
 * 50 dates from a week ago to three months ahead; for each, what is due by then as the bot asks it: the
 * reminder pass's scan of every tenant's open cases (CaseStore.casesOwingBy), and the deadlines of one team
 * ("team deadlines", the tab's Team view) and of one worker ("my deadlines", the tab) (CaseStore.deadlines).
 */
async function measureDueOn(db: Db): Promise<DueOnFigures> {
  const store = new CaseStore(db, POLICIES, calendar);
  const runs = { allTenants: [] as number[], oneTeam: [] as number[], oneWorker: [] as number[] };
  const rows = { allTenants: 0, oneTeam: 0, oneWorker: 0 };
  for (let query = 0; query < DUE_ON_QUERIES; query += 1) {
    const date = addCalendarDays(TODAY, -7 + query * 2);
    const team = benchTeam(query * 7);
    const worker = benchWorker(query * 37);
    const all = await timed(() => store.casesOwingBy(date));
    const ofTeam = await timed(() => store.deadlines(team.tenantId, { teams: [team.team], dueOnOrBefore: date }));
    const ofWorker = await timed(() => store.deadlines(worker.tenantId, { workerId: worker.userId, dueOnOrBefore: date }));
    runs.allTenants.push(all.ms);
    runs.oneTeam.push(ofTeam.ms);
    runs.oneWorker.push(ofWorker.ms);
    rows.allTenants += all.value.length;
    rows.oneTeam += ofTeam.value.length;
    rows.oneWorker += ofWorker.value.length;
  }
  return {
    allTenants: { ...figuresOf(runs.allTenants), meanRows: rows.allTenants / DUE_ON_QUERIES },
    oneTeam: { ...figuresOf(runs.oneTeam), meanRows: rows.oneTeam / DUE_ON_QUERIES },
    oneWorker: { ...figuresOf(runs.oneWorker), meanRows: rows.oneWorker / DUE_ON_QUERIES },
  };
}

interface TeamViewFigures {
  readonly figures: Figures & { readonly meanItems: number };
  /** The references behind one bar (the overdue reviews), asked for when it is clicked: shown, not a target. */
  readonly bar: Figures & { readonly meanCases: number };
  /** The one-minute load average as the measurement began and ended: on a shared machine, the figures follow it. */
  readonly load: readonly [number, number];
}

/**
 * The Team view's figures for one manager's team (about 10,000 cases at 400,000): the stored roles, the counts
 * and every figure worked out, as `GET /api/team-timeliness` does; then, as a click on the overdue reviews' bar
 * does, the references behind it. Managers taken in turn across tenants.
 */
async function measureTeamView(db: Db): Promise<TeamViewFigures> {
  const sources = { roles: new RoleStore(db, []), timeliness: new TimelinessStore(db, POLICIES), policies: POLICIES, calendar };
  const managers = benchStaff().filter((member) => member.role === 'manager');
  const loadBefore = loadavg()[0] ?? Number.NaN;
  const runs: number[] = [];
  const barRuns: number[] = [];
  let items = 0;
  let barCases = 0;
  for (let query = 0; query < TEAM_VIEW_QUERIES + 5; query += 1) {
    const manager = managers[(query * 7) % managers.length] ?? managers[0]!;
    const asker = { tenantId: manager.tenantId, userId: manager.userId };
    const { value, ms } = await timed(() => teamFiguresFor(asker, {}, TODAY, sources));
    if (!value.ok) throw new Error(`The team view was refused to a manager: ${value.error.kind}`);
    const bar = await timed(() => casesBehindBar(asker, {}, { chart: 'due', bucket: 'overdue', kind: 'review' }, TODAY, sources));
    if (!bar.value.ok) throw new Error(`A bar's cases were refused to a manager: ${bar.value.error.kind}`);
    // The first few warm the JIT and the pool, as in the recording figures.
    if (query < 5) continue;
    runs.push(ms);
    barRuns.push(bar.ms);
    items += value.value.dueByWeek.reduce((sum, bucket) => sum + bucket.total, 0);
    barCases += bar.value.value.length;
  }
  return {
    figures: { ...figuresOf(runs), meanItems: items / TEAM_VIEW_QUERIES },
    bar: { ...figuresOf(barRuns), meanCases: barCases / TEAM_VIEW_QUERIES },
    load: [loadBefore, loadavg()[0] ?? Number.NaN],
  };
}

interface DuePlan {
  readonly name: string;
  readonly firstLine: string;
  readonly indexes: readonly string[];
}

/** Which obligations index each due-date query's plan uses; none would mean a scan of the whole table. */
async function duePlans(db: Db): Promise<DuePlan[]> {
  const team = benchTeam(0);
  const worker = benchWorker(0);
  const storeOn = (captured: Db) => new CaseStore(captured, POLICIES, calendar);
  const plans = [
    { name: 'CaseStore.casesOwingBy, all tenants', lines: await planOf(db, (captured) => storeOn(captured).casesOwingBy(TODAY)) },
    { name: 'CaseStore.deadlines, one team', lines: await planOf(db, (captured) => storeOn(captured).deadlines(team.tenantId, { teams: [team.team], dueOnOrBefore: TODAY })) },
    { name: 'CaseStore.deadlines, one worker', lines: await planOf(db, (captured) => storeOn(captured).deadlines(worker.tenantId, { workerId: worker.userId, dueOnOrBefore: TODAY })) },
  ];
  return plans.map(({ name, lines }) => ({
    name,
    firstLine: lines[0]?.trim() ?? '',
    indexes: [...new Set(lines.flatMap((line) => /\b(obligations_open_\w+)/.exec(line)?.[1] ?? []))],
  }));
}

interface RecordingFigures {
  readonly recording: Figures;
  /** CaseStore.caseByReference, which every "record … for AB12" runs first: shown, not a target of the issue. */
  readonly lookup: Figures;
}

/** Records an event on RECORDINGS different open cases, one after another, through the real CaseStore. */
async function measureRecording(db: Db): Promise<RecordingFigures> {
  const store = new CaseStore(db, POLICIES, calendar);
  const histories = new CaseHistories(TODAY);
  const random = seededRandom(10);
  const chosen = new Set<number>();
  const recordings: number[] = [];
  const lookups: number[] = [];
  let warmUps = 0;
  const kinds: CaseEvent['kind'][] = ['visit-made', 'review-held', 'minutes-circulated', 'assessment-updated'];
  while (recordings.length < RECORDINGS && chosen.size < caseCount) {
    const index = Math.floor(random() * caseCount);
    if (chosen.has(index)) continue;
    chosen.add(index);
    const seededCase = histories.caseAt(index);
    const { value: record, ms: lookupMs } = await timed(() => store.caseByReference(seededCase.tenantId, seededCase.reference));
    if (!record || record.status !== 'open') continue;
    const event = { kind: kinds[chosen.size % kinds.length] ?? 'visit-made', on: TODAY } as CaseEvent;
    const actor = { tenantId: record.tenantId, userId: record.workerId };
    const { value: recorded, ms } = await timed(() => store.recordEvent(record, event, actor, TODAY, AT));
    if (!recorded.ok) throw new Error(`Recording on ${record.reference} was refused: ${recorded.error.kind}`);
    // The first few warm the JIT and the connection pool; a running bot is past them.
    if (warmUps < WARM_UP_RECORDINGS) {
      warmUps += 1;
      continue;
    }
    recordings.push(ms);
    lookups.push(lookupMs);
  }
  return { recording: figuresOf(recordings), lookup: figuresOf(lookups) };
}

/**
 * One-row INSERTs, each its own transaction: what a commit alone costs on this server (mostly the disk's fsync),
 * the floor under any write. Shown beside the recording figures, so a miss can be told from the disk's share.
 */
async function measureCommit(db: Db): Promise<Figures> {
  const commitOne = await commitProbe(db);
  const latencies: number[] = [];
  for (let commit = 0; commit < 200; commit += 1) latencies.push((await timed(commitOne)).ms);
  return figuresOf(latencies);
}

function report(results: {
  readonly seeded: Awaited<ReturnType<typeof seed>>;
  readonly analyzeSeconds: number;
  readonly counts: SeededRows;
  readonly dueOn: DueOnFigures;
  readonly plans: readonly DuePlan[];
  readonly recording: RecordingFigures;
  readonly teamView: TeamViewFigures;
  readonly commit: Figures;
  readonly postgres: string;
}): boolean {
  const { seeded, counts, dueOn, plans, recording } = results;
  const teamView = results.teamView.figures;
  const number = (value: number) => Math.round(value).toLocaleString('en-GB');
  const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);
  const [oneMinute] = loadavg();
  const lines = [
    `Storage benchmark, --cases ${caseCount}${caseCount === 400_000 ? ' (the full run)' : ' (a smaller run: the targets are for 400,000)'}`,
    `Machine: ${availableParallelism()} CPUs (nproc), node ${process.version}, PostgreSQL ${results.postgres}, load average ${oneMinute?.toFixed(1) ?? '?'} at the end`,
    `Rows: ${number(counts.cases)} cases (${number(counts.openCases)} open), ${number(counts.events)} events, ` +
      `${number(counts.obligations)} obligations (${number(counts.openObligations)} open), ${benchStaff().length} staff in ${BENCH_TENANTS.length} tenants`,
    `Seeding: ${seeded.totalSeconds.toFixed(1)} s (rows ${seeded.rows.seconds.toFixed(1)} s, indexes and keys rebuilt ${seeded.rebuildSeconds.toFixed(1)} s), ` +
      `VACUUM ANALYZE ${results.analyzeSeconds.toFixed(1)} s; guide: under ${SEEDING_GUIDE_SECONDS} s${seeded.totalSeconds > SEEDING_GUIDE_SECONDS ? ' (OVER)' : ''}`,
    '',
  ];
  const rows: { label: string; figures: Figures; shown: string; target: string; pass: boolean }[] = [
    ...(
      [
        ['reminder scan: open cases owing by D, all tenants', dueOn.allTenants],
        ['deadlines of one team, due by D', dueOn.oneTeam],
        ['deadlines of one worker, due by D', dueOn.oneWorker],
      ] as const
    ).map(([label, figures]) => ({
      label: `${label} (${figures.count}x, ~${number(figures.meanRows)} rows)`,
      figures,
      shown: `p50 ${ms(figures.p50)}  p95 ${ms(figures.p95)}  max ${ms(figures.max)}`,
      target: `max < ${DUE_ON_TARGET_MS} ms`,
      pass: figures.max < DUE_ON_TARGET_MS,
    })),
    {
      label: `record an event + recompute (${recording.recording.count}x)`,
      figures: recording.recording,
      shown: `p50 ${ms(recording.recording.p50)}  p95 ${ms(recording.recording.p95)}  p99 ${ms(recording.recording.p99)}`,
      target: `p99 < ${RECORD_P99_TARGET_MS} ms`,
      pass: recording.recording.p99 < RECORD_P99_TARGET_MS,
    },
    {
      label: `team view, one manager's team (${teamView.count}x, ~${number(teamView.meanItems)} open items, load ${results.teamView.load.map((load) => load.toFixed(1)).join(' to ')})`,
      figures: teamView,
      shown: `p50 ${ms(teamView.p50)}  p95 ${ms(teamView.p95)}  p99 ${ms(teamView.p99)}`,
      target: `p99 < ${TEAM_VIEW_P99_TARGET_MS} ms`,
      pass: teamView.p99 < TEAM_VIEW_P99_TARGET_MS,
    },
  ];
  const width = Math.max(...rows.map((row) => row.label.length));
  for (const row of rows) lines.push(`${row.label.padEnd(width)}  ${row.shown}  ${row.target.padEnd(14)}  ${row.pass ? 'PASS' : 'FAIL'}`);
  const shown = (label: string, figures: Figures) => `${`(shown) ${label} (${figures.count}x)`.padEnd(width)}  p50 ${ms(figures.p50)}  p95 ${ms(figures.p95)}  p99 ${ms(figures.p99)}`;
  lines.push(
    shown('find the case by reference first', recording.lookup),
    shown('a bare one-row commit', results.commit),
    shown(`team view: the cases behind the overdue reviews' bar, on a click (~${number(results.teamView.bar.meanCases)} cases)`, results.teamView.bar),
    '',
  );
  for (const plan of plans) {
    lines.push(`EXPLAIN ${plan.name}: ${plan.firstLine}`, `  index used: ${plan.indexes.length > 0 ? plan.indexes.join(', ') : 'NONE (a full scan)'}`);
  }
  const failed = rows.some((row) => !row.pass) || plans.some((plan) => plan.indexes.length === 0);
  lines.push('', failed ? 'FAIL: a target was missed' : 'PASS: every target met');
  process.stdout.write(`${lines.join('\n')}\n`);
  return failed;
}

async function dropOurSchema(): Promise<void> {
  await dropSchema(databaseUrl, schema);
}

// Last, so every declaration above is initialised before it runs.
let database: Database | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // Stopped half-way, the seeding processes stop and the schema still goes: a seeded one holds gigabytes.
  process.once(signal, () => {
    stopSeeding.abort();
    void dropOurSchema().finally(() => process.exit(130));
  });
}
try {
  database = await openDatabase({ databaseUrl, schema });
  const { db } = database;
  // Migrated now, this throw-away schema needs the migrator's tables no more, and other runs must not find them.
  await dropMigrationBookkeeping(db);
  const seeded = await seed(db);
  const analyzed = await timed(() => vacuumAnalyze(db));
  const counts = await seededRows(db);
  const dueOn = await measureDueOn(db);
  const plans = await duePlans(db);
  const recording = await measureRecording(db);
  const teamView = await measureTeamView(db);
  const commit = await measureCommit(db);
  const failed = report({ seeded, analyzeSeconds: analyzed.ms / 1000, counts, dueOn, plans, recording, teamView, commit, postgres: await serverVersion(db) });
  process.exitCode = failed ? 1 : 0;
} finally {
  await database?.close();
  await dropOurSchema();
}

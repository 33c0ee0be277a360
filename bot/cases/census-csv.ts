import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { normaliseCaseReference } from '../../domain/cases/case-reference.js';
import { compareLocalDates, parseLocalDate, type LocalDate } from '../../domain/dates/local-date.js';
import { authorityNamed, POLICIES } from '../../domain/policy/registry.js';
import { err, ok, type Result } from '../../domain/result.js';

/** The census dates the bot keeps, named as the DfE Children in Need census names its data items. */
export const CENSUS_DATE_COLUMNS = [
  'CINreferralDate',
  'AssessmentActualStartDate',
  /** The assessment completed (authorised by the manager). */
  'AssessmentAuthorisationDate',
  'CINPlanStartDate',
  'CINPlanEndDate',
  'CINclosureDate',
] as const;
export type CensusDateColumn = (typeof CENSUS_DATE_COLUMNS)[number];

/** Every column, in the order the writer puts them: the case reference, its dates, then who holds it. */
export const CENSUS_COLUMNS = ['LAchildID', ...CENSUS_DATE_COLUMNS, 'Initials', 'Authority', 'Team', 'Worker', 'Manager'] as const;
export type CensusColumn = (typeof CENSUS_COLUMNS)[number];

/** Without these a row cannot become a case; the date columns and Manager may be left out of a file. */
const REQUIRED_COLUMNS: readonly CensusColumn[] = ['LAchildID', 'Initials', 'Authority', 'Team', 'Worker'];

/** One case as the census file gives it: reference, initials and ids only, never a name. */
export interface CensusRow {
  readonly reference: string;
  readonly initials: string;
  /** The authority's slug, whichever way the file wrote it. */
  readonly authorityId: string;
  readonly team: string;
  readonly workerId: string;
  readonly managerId?: string;
  readonly dates: Readonly<Partial<Record<CensusDateColumn, LocalDate>>>;
}

/** A row of the file that parsed, with the line it started on (line 1 is the header). */
export type ParsedCensusRow = CensusRow & { readonly line: number };

export interface RejectedRow {
  readonly line: number;
  /** The row's LAchildID, when it had one. */
  readonly reference?: string;
  /** Every problem found on the row, in plain words, joined with "; ". */
  readonly reason: string;
}

export interface CensusCsv {
  readonly rows: readonly ParsedCensusRow[];
  readonly rejected: readonly RejectedRow[];
  /** Header names that are not census columns the bot keeps (the census has many more); their cells are not read. */
  readonly ignoredColumns: readonly string[];
}

/** The file as a whole cannot be read: no header, a required column missing, a quote never closed. */
export interface MalformedCensusCsv {
  readonly kind: 'malformed-census-csv';
  readonly message: string;
}

/**
 * Reads a census-style CSV of cases. Each row is checked on its own: a bad row is rejected with its line and
 * reason and the others still come through. Dates are `YYYY-MM-DD` or `DD/MM/YYYY` (UK order, never US), and
 * none may be after `today`.
 *
 * @param text - the file's contents
 * @param today - the London date of the import
 * @returns the good rows, the rejected ones, and the columns not read; or why the file cannot be read at all
 *
 * @example
 * parseCensusCsv('LAchildID,CINreferralDate,Initials,Authority,Team,Worker\nAB12,03/02/2026,A.B.,Redbridge,north,0f8f…\n', '2026-03-10')
 * //=> { ok: true, value: { rows: [{ line: 2, reference: 'AB12', authorityId: 'redbridge', dates: { CINreferralDate: '2026-02-03' }, … }], rejected: [], ignoredColumns: [] } }
 */
export function parseCensusCsv(text: string, today: LocalDate): Result<CensusCsv, MalformedCensusCsv> {
  let parsedText: unknown;
  try {
    parsedText = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: true });
  } catch (error) {
    return err({ kind: 'malformed-census-csv', message: `The file is not readable CSV: ${error instanceof Error ? error.message : String(error)}` });
  }
  // The sync API's types do not follow `info: true`; the shape it documents is checked instead.
  const records = ParsedRecordsSchema.parse(parsedText);
  const [header, ...data] = records;
  if (!header) return err({ kind: 'malformed-census-csv', message: `The file is empty: its first line must name the columns (${CENSUS_COLUMNS.join(', ')}).` });
  const columns = columnsOf(header.record);
  if (!columns.ok) return columns;

  const lines = data.map((entry) => ({ line: startLineOf(entry), cells: entry.record }));
  const linesOfReference = new Map<string, number[]>();
  for (const { line, cells } of lines) {
    const reference = normaliseCaseReference(cellOf(cells, columns.value.indexes, 'LAchildID'));
    if (reference !== '') linesOfReference.set(reference, [...(linesOfReference.get(reference) ?? []), line]);
  }

  const schema = censusRowSchemaOn(today);
  const rows: ParsedCensusRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const { line, cells } of lines) {
    const raw = Object.fromEntries(CENSUS_COLUMNS.map((column) => [column, cellOf(cells, columns.value.indexes, column)]));
    const reasons: string[] = [];
    if (cells.length > header.record.length) reasons.push(`the row has ${cells.length} cells but the header names ${header.record.length} columns`);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) reasons.push(...parsed.error.issues.map((issue) => issue.message));
    const sameReference = linesOfReference.get(normaliseCaseReference(raw.LAchildID ?? '')) ?? [];
    if (sameReference.length > 1) {
      const others = sameReference.filter((other) => other !== line);
      reasons.push(`LAchildID ${raw.LAchildID} is also on line${others.length > 1 ? 's' : ''} ${others.join(', ')}: one row per case, so none of them is loaded`);
    }
    if (parsed.success && reasons.length === 0) rows.push({ line, ...parsed.data });
    else rejected.push({ line, ...(REFERENCE.test(raw.LAchildID ?? '') ? { reference: raw.LAchildID } : {}), reason: reasons.join('; ') });
  }
  return ok({ rows, rejected, ignoredColumns: columns.value.ignored });
}

/**
 * Writes cases as a census-style CSV with every column of CENSUS_COLUMNS, quoted where a cell needs it, that
 * parseCensusCsv reads back to the same rows.
 *
 * @example
 * formatCensusCsv([{ reference: 'AB12', initials: 'A.B.', authorityId: 'camden', team: 'north', workerId: 'w-1', dates: { CINreferralDate: '2026-02-03' } }])
 * //=> 'LAchildID,CINreferralDate,…,Manager\nAB12,2026-02-03,,,,,,A.B.,camden,north,w-1,\n'
 */
export function formatCensusCsv(rows: readonly CensusRow[]): string {
  const records = rows.map((row) => [
    row.reference,
    ...CENSUS_DATE_COLUMNS.map((column) => row.dates[column] ?? ''),
    row.initials,
    row.authorityId,
    row.team,
    row.workerId,
    row.managerId ?? '',
  ].map(spreadsheetSafe));
  return stringify(records, { header: true, columns: [...CENSUS_COLUMNS] });
}

/**
 * Reads a census date: `YYYY-MM-DD`, or `DD/MM/YYYY` as the UK writes it (03/02/2026 is 3 February). Anything
 * else, two-digit years included, is refused rather than guessed.
 *
 * @example
 * parseCensusDate('03/02/2026') //=> '2026-02-03'
 * parseCensusDate('02/30/2026') //=> undefined
 */
export function parseCensusDate(text: string): LocalDate | undefined {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!uk) return parseLocalDate(text);
  const [, day = '', month = '', year = ''] = uk;
  return parseLocalDate(`${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`);
}

const ParsedRecordsSchema = z.array(z.object({ record: z.array(z.string()), info: z.object({ lines: z.number().int() }) }));
type ParsedRecord = z.infer<typeof ParsedRecordsSchema>[number];

function columnsOf(header: readonly string[]): Result<{ readonly indexes: ReadonlyMap<CensusColumn, number>; readonly ignored: string[] }, MalformedCensusCsv> {
  const indexes = new Map<CensusColumn, number>();
  const ignored: string[] = [];
  for (const [index, name] of header.entries()) {
    // Spreadsheets drift in letter case (LAChildID); the census items' spelling is otherwise kept.
    const column = CENSUS_COLUMNS.find((candidate) => candidate.toLowerCase() === name.trim().toLowerCase());
    if (column === undefined) {
      if (name.trim() !== '') ignored.push(name.trim());
      continue;
    }
    if (indexes.has(column)) return err({ kind: 'malformed-census-csv', message: `The header names ${column} twice.` });
    indexes.set(column, index);
  }
  const missing = REQUIRED_COLUMNS.filter((column) => !indexes.has(column));
  if (missing.length > 0) {
    return err({
      kind: 'malformed-census-csv',
      message: `The header (line 1) lacks ${missing.join(', ')}. The first line must name the columns: ${CENSUS_COLUMNS.join(', ')}.`,
    });
  }
  return ok({ indexes, ignored });
}

function cellOf(cells: readonly string[], indexes: ReadonlyMap<CensusColumn, number>, column: CensusColumn): string {
  const index = indexes.get(column);
  return index === undefined ? '' : (cells[index] ?? '').trim();
}

/** csv-parse counts the line a record ends on; a quoted cell may span lines, and people look for where it starts. */
function startLineOf(entry: ParsedRecord): number {
  return entry.info.lines - entry.record.reduce((breaks, cell) => breaks + (cell.match(/\n/g)?.length ?? 0), 0);
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell opened in Excel must not run as a formula (OWASP CSV injection); such a cell is kept as text. */
function spreadsheetSafe(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Only letters, and dots, spaces, hyphens or apostrophes between them: "A.B.", "J-P O'N". */
const INITIALS = /^[\p{L}][\p{L}.\s'\u2019-]*$/u;
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9/_-]{0,19}$/;

const required = (column: CensusColumn) => z.string().min(1, { error: `${column} is missing`, abort: true });

const entraId = (column: 'Worker' | 'Manager') =>
  z.string().refine((id) => !/[\s@]/.test(id) && !FORMULA_START.test(id), {
    error: `${column} must be the person's Entra object id (no spaces, not an email address)`,
  });

function censusRowSchemaOn(today: LocalDate) {
  const dateCell = (column: CensusDateColumn) =>
    z.string().transform((text, context): LocalDate | undefined => {
      if (text === '') return undefined;
      const date = parseCensusDate(text);
      if (date === undefined) {
        context.addIssue({ code: 'custom', message: `${column} "${text}" is not a date: write YYYY-MM-DD or DD/MM/YYYY (day first)` });
        return z.NEVER;
      }
      if (compareLocalDates(date, today) > 0) {
        context.addIssue({ code: 'custom', message: `${column} ${date} is in the future (today is ${today})` });
        return z.NEVER;
      }
      return date;
    });

  return z
    .object({
      LAchildID: required('LAchildID')
        .regex(REFERENCE, { error: 'LAchildID must be letters and digits (with - / or _), at most 20 characters' })
        .transform(normaliseCaseReference),
      Initials: required('Initials')
        .regex(INITIALS, { error: 'Initials must be letters, with dots or spaces between them' })
        // Children's names are never stored: more than four letters is a name, not initials.
        .refine((initials) => (initials.match(/\p{L}/gu)?.length ?? 0) <= 4, { error: 'Initials has more than 4 letters, so it looks like a name: give initials only' }),
      Authority: required('Authority').transform((text, context) => {
        const authorityId = authorityIdOf(text);
        if (authorityId === undefined) {
          context.addIssue({ code: 'custom', message: `Authority "${text}" is not one the bot knows (${POLICIES.map((policy) => policy.authority.id).join(', ')})` });
          return z.NEVER;
        }
        return authorityId;
      }),
      Team: required('Team').refine((team) => !FORMULA_START.test(team), { error: 'Team must not start with = + - or @' }),
      Worker: required('Worker').pipe(entraId('Worker')),
      Manager: entraId('Manager'),
      ...Object.fromEntries(CENSUS_DATE_COLUMNS.map((column) => [column, dateCell(column)])) as Record<CensusDateColumn, ReturnType<typeof dateCell>>,
    })
    .superRefine((row, context) => {
      if (CENSUS_DATE_COLUMNS.every((column) => row[column] === undefined)) {
        context.addIssue({ code: 'custom', message: 'the row has no dates: give at least CINreferralDate' });
      }
      for (const [earlier, later] of DATE_ORDER) {
        const earlierOn = row[earlier];
        const laterOn = row[later];
        if (earlierOn !== undefined && laterOn !== undefined && compareLocalDates(laterOn, earlierOn) < 0) {
          context.addIssue({ code: 'custom', message: `${later} ${laterOn} is before ${earlier} ${earlierOn}` });
        }
      }
    })
    .transform((row): CensusRow => ({
      reference: row.LAchildID,
      initials: row.Initials,
      authorityId: row.Authority,
      team: row.Team,
      workerId: row.Worker,
      ...(row.Manager === '' ? {} : { managerId: row.Manager }),
      dates: Object.fromEntries(CENSUS_DATE_COLUMNS.flatMap((column) => (row[column] === undefined ? [] : [[column, row[column]]]))),
    }));
}

/** Pairs of census dates whose order the census itself requires. */
const DATE_ORDER: readonly (readonly [CensusDateColumn, CensusDateColumn])[] = [
  ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'],
  ['CINPlanStartDate', 'CINPlanEndDate'],
  ['CINreferralDate', 'CINclosureDate'],
];

function authorityIdOf(text: string): string | undefined {
  const named = authorityNamed(text);
  return named.ok ? named.value.authority.id : undefined;
}

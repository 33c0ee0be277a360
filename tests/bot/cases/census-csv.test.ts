import { describe, expect, it } from 'vitest';
import { formatCensusCsv, parseCensusCsv, parseCensusDate, type CensusCsv, type CensusRow } from '../../../bot/cases/census-csv.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';

const TODAY = '2026-06-01' as LocalDate;
const HEADER = 'LAchildID,CINreferralDate,AssessmentActualStartDate,AssessmentAuthorisationDate,CINPlanStartDate,CINPlanEndDate,CINclosureDate,Initials,Authority,Team,Worker,Manager';

function parsed(text: string): CensusCsv {
  const result = parseCensusCsv(text, TODAY);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The reason given for the one data row of a file with the full header. */
function reasonFor(row: string): string | undefined {
  const { rejected } = parsed(`${HEADER}\n${row}\n`);
  return rejected[0]?.reason;
}

describe('parseCensusDate', () => {
  it('reads YYYY-MM-DD and DD/MM/YYYY, day first as the UK writes it', () => {
    expect(parseCensusDate('2026-02-03')).toBe('2026-02-03');
    expect(parseCensusDate('03/02/2026')).toBe('2026-02-03'); // 3 February, not 2 March
    expect(parseCensusDate('3/2/2026')).toBe('2026-02-03');
    expect(parseCensusDate('29/02/2028')).toBe('2028-02-29'); // a leap year
  });

  it('refuses US order, impossible dates and two-digit years rather than guess', () => {
    expect(parseCensusDate('02/28/2026')).toBeUndefined(); // no 28th month
    expect(parseCensusDate('29/02/2026')).toBeUndefined(); // 2026 is no leap year
    expect(parseCensusDate('2026-13-01')).toBeUndefined();
    expect(parseCensusDate('03/02/26')).toBeUndefined();
    expect(parseCensusDate('3 Feb 2026')).toBeUndefined();
  });
});

describe('parseCensusCsv', () => {
  it('reads each row as a case, the authority by slug, name or other name in any letter case', () => {
    const { rows, rejected, ignoredColumns } = parsed(
      [
        HEADER,
        'AB12,03/02/2026,2026-02-05,16/03/2026,,,,A.B.,LB Redbridge,North,w-1,m-1',
        'CD34,2026-05-20,,,,,,CD,camden,South,w-2,',
        'EF56,1/4/2026,,,,,,E,LONDON BOROUGH OF CAMDEN,South,w-2,',
      ].join('\n'),
    );
    expect(rejected).toEqual([]);
    expect(ignoredColumns).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        reference: 'AB12',
        initials: 'A.B.',
        authorityId: 'redbridge',
        team: 'North',
        workerId: 'w-1',
        managerId: 'm-1',
        dates: { CINreferralDate: '2026-02-03', AssessmentActualStartDate: '2026-02-05', AssessmentAuthorisationDate: '2026-03-16' },
      },
      { line: 3, reference: 'CD34', initials: 'CD', authorityId: 'camden', team: 'South', workerId: 'w-2', dates: { CINreferralDate: '2026-05-20' } },
      { line: 4, reference: 'EF56', initials: 'E', authorityId: 'camden', team: 'South', workerId: 'w-2', dates: { CINreferralDate: '2026-04-01' } },
    ]);
  });

  it('takes the columns in any order and letter case, leaves out optional ones, and names those it does not read', () => {
    const { rows, ignoredColumns } = parsed('\uFEFFWorker,Team,Authority,Initials,LAChildID,PersonBirthDate,CINreferralDate\r\nw-1,North,redbridge,AB,AB12,2020-01-01,2026-02-03\r\n');
    expect(rows).toEqual([{ line: 2, reference: 'AB12', initials: 'AB', authorityId: 'redbridge', team: 'North', workerId: 'w-1', dates: { CINreferralDate: '2026-02-03' } }]);
    // The birth date is never read, let alone kept.
    expect(ignoredColumns).toEqual(['PersonBirthDate']);
  });

  it('counts lines as a text editor does: blank lines skipped, a row reported at the line it starts on', () => {
    const { rows, rejected } = parsed(`${HEADER}\n\nAB12,2026-02-03,,,,,,AB,redbridge,"North\nEast",w-1,\n,,,,,,,,,,,\nCD34,2026-13-01,,,,,,CD,camden,South,w-2,\n`);
    expect(rows.map((row) => [row.line, row.team])).toEqual([[3, 'North\nEast']]);
    expect(rejected.map((row) => row.line)).toEqual([6]);
  });

  describe('rejects a row, with its line and the reason, and keeps the rest', () => {
    it.each([
      ['a bad date', 'AB12,31/02/2026,,,,,,AB,redbridge,North,w-1,', 'CINreferralDate "31/02/2026" is not a date: write YYYY-MM-DD or DD/MM/YYYY (day first)'],
      ['a date in US order', 'AB12,02/28/2026,,,,,,AB,redbridge,North,w-1,', 'CINreferralDate "02/28/2026" is not a date: write YYYY-MM-DD or DD/MM/YYYY (day first)'],
      ['a date after today', 'AB12,2026-05-01,2026-06-02,,,,,AB,redbridge,North,w-1,', 'AssessmentActualStartDate 2026-06-02 is in the future (today is 2026-06-01)'],
      ['an unknown authority', 'AB12,2026-05-01,,,,,,AB,Narnia,North,w-1,', 'Authority "Narnia" is not one the bot knows (redbridge, blackburn-with-darwen, camden, slough, brighton-and-hove)'],
      ['a missing LAchildID', ',2026-05-01,,,,,,AB,redbridge,North,w-1,', 'LAchildID is missing'],
      ['a reference with spaces', 'AB 12,2026-05-01,,,,,,AB,redbridge,North,w-1,', 'LAchildID must be letters and digits (with - / or _), at most 20 characters'],
      ['missing initials', 'AB12,2026-05-01,,,,,,,redbridge,North,w-1,', 'Initials is missing'],
      ['initials that look like a name', 'AB12,2026-05-01,,,,,,Aisha,redbridge,North,w-1,', 'Initials has more than 4 letters, so it looks like a name: give initials only'],
      ['initials with digits', 'AB12,2026-05-01,,,,,,A1,redbridge,North,w-1,', 'Initials must be letters, with dots or spaces between them'],
      ['a missing team', 'AB12,2026-05-01,,,,,,AB,redbridge,,w-1,', 'Team is missing'],
      ['a team that Excel would run as a formula', 'AB12,2026-05-01,,,,,,AB,redbridge,=HYPERLINK(1),w-1,', 'Team must not start with = + - or @'],
      ['a missing worker', 'AB12,2026-05-01,,,,,,AB,redbridge,North,,', 'Worker is missing'],
      ['a worker given by name', 'AB12,2026-05-01,,,,,,AB,redbridge,North,Sam Jones,', "Worker must be the person's Entra object id (no spaces, not an email address)"],
      ['a manager given by email', 'AB12,2026-05-01,,,,,,AB,redbridge,North,w-1,pat@council.gov.uk', "Manager must be the person's Entra object id (no spaces, not an email address)"],
      ['no dates at all', 'AB12,,,,,,,AB,redbridge,North,w-1,', 'the row has no dates: give at least CINreferralDate'],
      ['an assessment authorised before it started', 'AB12,2026-05-01,2026-05-10,2026-05-09,,,,AB,redbridge,North,w-1,', 'AssessmentAuthorisationDate 2026-05-09 is before AssessmentActualStartDate 2026-05-10'],
      ['a plan ending before it started', 'AB12,2026-05-01,,,2026-05-10,2026-05-09,,AB,redbridge,North,w-1,', 'CINPlanEndDate 2026-05-09 is before CINPlanStartDate 2026-05-10'],
      ['a closure before the referral', 'AB12,2026-05-01,,,,,2026-04-30,AB,redbridge,North,w-1,', 'CINclosureDate 2026-04-30 is before CINreferralDate 2026-05-01'],
      ['more cells than columns', 'AB12,2026-05-01,,,,,,AB,redbridge,North,w-1,,extra', 'the row has 13 cells but the header names 12 columns'],
    ])('%s', (_what, row, reason) => {
      expect(reasonFor(row)).toBe(reason);
    });

    it('gives every problem of a row at once', () => {
      expect(reasonFor('AB12,2026-05-01,,,,,,AB,Narnia,,w-1,')).toBe(
        'Authority "Narnia" is not one the bot knows (redbridge, blackburn-with-darwen, camden, slough, brighton-and-hove); Team is missing',
      );
    });

    it('rejects every row of a reference given twice, naming the other lines, since the file does not say which is right', () => {
      const { rows, rejected } = parsed(
        [HEADER, 'AB12,2026-05-01,,,,,,AB,redbridge,North,w-1,', 'CD34,2026-05-01,,,,,,CD,camden,South,w-2,', 'ab12,2026-05-02,,,,,,AB,redbridge,North,w-1,'].join('\n'),
      );
      expect(rows.map((row) => row.reference)).toEqual(['CD34']);
      expect(rejected).toEqual([
        { line: 2, reference: 'AB12', reason: 'LAchildID AB12 is also on line 4: one row per case, so none of them is loaded' },
        { line: 4, reference: 'ab12', reason: 'LAchildID ab12 is also on line 2: one row per case, so none of them is loaded' },
      ]);
    });

    it('reports bad rows by line among good ones', () => {
      const { rows, rejected } = parsed(
        [HEADER, 'AB12,2026-05-01,,,,,,AB,redbridge,North,w-1,', 'CD34,2026-05-01,,,,,,Chloe,camden,South,w-2,', 'EF56,2026-05-01,,,,,,EF,camden,South,w-2,', 'GH78,2026-07-01,,,,,,GH,camden,South,w-2,'].join('\n'),
      );
      expect(rows.map((row) => `${row.line} ${row.reference}`)).toEqual(['2 AB12', '4 EF56']);
      expect(rejected).toEqual([
        { line: 3, reference: 'CD34', reason: 'Initials has more than 4 letters, so it looks like a name: give initials only' },
        { line: 5, reference: 'GH78', reason: 'CINreferralDate 2026-07-01 is in the future (today is 2026-06-01)' },
      ]);
    });
  });

  describe('refuses a malformed file with one clear error', () => {
    it.each([
      ['an empty file', '', 'The file is empty: its first line must name the columns (LAchildID, CINreferralDate, AssessmentActualStartDate, AssessmentAuthorisationDate, CINPlanStartDate, CINPlanEndDate, CINclosureDate, Initials, Authority, Team, Worker, Manager).'],
      ['only blank lines', '\n\n  \n', 'The file is empty: its first line must name the columns (LAchildID, CINreferralDate, AssessmentActualStartDate, AssessmentAuthorisationDate, CINPlanStartDate, CINPlanEndDate, CINclosureDate, Initials, Authority, Team, Worker, Manager).'],
      ['no header, data first', 'AB12,2026-05-01,,,,,,AB,redbridge,North,w-1,\n', 'The header (line 1) lacks LAchildID, Initials, Authority, Team, Worker. The first line must name the columns: LAchildID, CINreferralDate, AssessmentActualStartDate, AssessmentAuthorisationDate, CINPlanStartDate, CINPlanEndDate, CINclosureDate, Initials, Authority, Team, Worker, Manager.'],
      ['a required column missing', 'LAchildID,CINreferralDate,Initials,Authority,Team\nAB12,2026-05-01,AB,redbridge,North\n', 'The header (line 1) lacks Worker. The first line must name the columns: LAchildID, CINreferralDate, AssessmentActualStartDate, AssessmentAuthorisationDate, CINPlanStartDate, CINPlanEndDate, CINclosureDate, Initials, Authority, Team, Worker, Manager.'],
      ['a column named twice', `${HEADER},Team\n`, 'The header names Team twice.'],
      ['a quote never closed', `${HEADER}\nAB12,2026-05-01,,,,,,AB,redbridge,"North,w-1,\n`, 'The file is not readable CSV: Quote Not Closed: the parsing is finished with an opening quote at line 2'],
    ])('%s', (_what, text, message) => {
      expect(parseCensusCsv(text, TODAY)).toEqual({ ok: false, error: { kind: 'malformed-census-csv', message } });
    });
  });
});

describe('formatCensusCsv', () => {
  const ROWS: CensusRow[] = [
    {
      reference: 'AB12',
      initials: 'A.B.',
      authorityId: 'redbridge',
      team: 'North, "Hub" 2',
      workerId: 'w-1',
      managerId: 'm-1',
      dates: { CINreferralDate: '2026-02-03' as LocalDate, CINPlanStartDate: '2026-03-02' as LocalDate, CINPlanEndDate: '2026-05-29' as LocalDate, CINclosureDate: '2026-05-29' as LocalDate },
    },
    { reference: 'CD34', initials: 'C', authorityId: 'camden', team: 'South', workerId: 'w-2', dates: { AssessmentAuthorisationDate: '2026-05-27' as LocalDate } },
  ];

  it('writes every column, quoting cells with commas and quotes', () => {
    expect(formatCensusCsv(ROWS)).toBe(
      `${HEADER}\nAB12,2026-02-03,,,2026-03-02,2026-05-29,2026-05-29,A.B.,redbridge,"North, ""Hub"" 2",w-1,m-1\nCD34,,,2026-05-27,,,,C,camden,South,w-2,\n`,
    );
  });

  it('reads back to the same rows', () => {
    const { rows, rejected } = parsed(formatCensusCsv(ROWS));
    expect(rejected).toEqual([]);
    expect(rows.map(({ line: _line, ...row }) => row)).toEqual(ROWS);
  });

  it('keeps a cell that a spreadsheet would run as a formula as text', () => {
    expect(formatCensusCsv([{ ...ROWS[1]!, team: '=1+1' }]).split('\n')[1]).toBe("CD34,,,2026-05-27,,,,C,camden,'=1+1,w-2,");
  });
});

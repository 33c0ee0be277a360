import { addCalendarDays } from '../../domain/calendar/add-calendar-days.js';
import type { CaseEvent } from '../../domain/cases/case-events.js';
import { compareLocalDates, type LocalDate } from '../../domain/dates/local-date.js';
import type { Pathway } from '../../domain/policy/schema.js';

/** A tenant (Entra directory) and the authorities whose cases it holds. */
export interface BenchTenant {
  readonly id: string;
  readonly authorityIds: readonly string[];
}

/** The seeded population: a few tenants over the five authorities, 8 teams an authority, 5 workers a team. */
export const BENCH_TENANTS: readonly BenchTenant[] = [
  { id: '00000000-0000-4000-8000-00000000be01', authorityIds: ['redbridge', 'camden'] },
  { id: '00000000-0000-4000-8000-00000000be02', authorityIds: ['slough', 'brighton-and-hove'] },
  { id: '00000000-0000-4000-8000-00000000be03', authorityIds: ['blackburn-with-darwen'] },
];
export const TEAMS_PER_AUTHORITY = 8;
export const WORKERS_PER_TEAM = 5;

/** One seeded case: what the `cases` row needs, and its events in date order. */
export interface BenchCase {
  readonly tenantId: string;
  readonly reference: string;
  readonly initials: string;
  readonly authorityId: string;
  readonly team: string;
  readonly workerId: string;
  readonly managerId: string;
  readonly history: BenchHistory;
}

/** What happened on a case. Cases that share a history share this very object (see DISTINCT_HISTORIES). */
export interface BenchHistory {
  readonly pathways: readonly Pathway[];
  readonly openedOn: LocalDate;
  readonly closedOn?: LocalDate;
  readonly events: readonly CaseEvent[];
}

/**
 * How many different histories the cases draw on; case `i` has history `i % DISTINCT_HISTORIES`. Working out
 * obligations costs about half a millisecond a case (the domain's date arithmetic), so 400,000 distinct ones
 * alone would take minutes; 40,320 (8!, so any few seeding processes split them evenly) spread over a year
 * of opening dates give each day's due dates the same spread. Staff, references and ids differ for every case.
 */
export const DISTINCT_HISTORIES = 40_320;

/**
 * A small, fast, seedable generator (mulberry32), so every run seeds the same cases and the figures compare.
 *
 * @example
 * const random = seededRandom(4); random() //=> a number in [0, 1), the same on every run
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const AUTHORITIES = BENCH_TENANTS.flatMap((tenant) => tenant.authorityIds.map((authorityId) => ({ tenantId: tenant.id, authorityId })));
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * A GUID-shaped Entra object id for the bench's staff.
 *
 * @example
 * staffIdOf('worker', 2, 3, 5) //=> '00000000-0000-4000-8000-000001020305'
 */
export function staffIdOf(kind: 'worker' | 'manager', authorityIndex: number, team: number, worker = 0): string {
  const serial = `${kind === 'worker' ? 1 : 2}${String(authorityIndex).padStart(2, '0')}${String(team).padStart(2, '0')}${String(worker).padStart(2, '0')}`;
  return `00000000-0000-4000-8000-${serial.padStart(12, '0')}`;
}

/**
 * Every seeded member of staff with their role and team: each team's manager and its workers.
 *
 * @example
 * benchStaff()[0] //=> { tenantId: '00000000-0000-4000-8000-00000000be01', userId: '00000000-0000-4000-8000-000002000100', role: 'manager', team: 'redbridge-team-1' }
 */
export function benchStaff(): { readonly tenantId: string; readonly userId: string; readonly role: 'worker' | 'manager'; readonly team: string }[] {
  return AUTHORITIES.flatMap(({ tenantId, authorityId }, authorityIndex) =>
    Array.from({ length: TEAMS_PER_AUTHORITY }, (_unused, teamIndex) => teamIndex + 1).flatMap((team) => [
      { tenantId, userId: staffIdOf('manager', authorityIndex, team), role: 'manager' as const, team: `${authorityId}-team-${team}` },
      ...Array.from({ length: WORKERS_PER_TEAM }, (_unused, workerIndex) => ({
        tenantId,
        userId: staffIdOf('worker', authorityIndex, team, workerIndex + 1),
        role: 'worker' as const,
        team: `${authorityId}-team-${team}`,
      })),
    ]),
  );
}

/**
 * Generates case histories relative to `today`: opened within the last year, then referral, a visit, an
 * assessment, for most a plan with its initial meeting, circulated plan and minutes, three-monthly reviews,
 * recent visits and sometimes a booked review ahead; a few pathways, step-downs, moves and closures. Nothing
 * is dated after `today`, except a booked review's date.
 *
 * @example
 * new CaseHistories('2026-11-23').caseAt(7) //=> { reference: 'CN0000007', authorityId: 'slough', history: { events: [ … ] }, … }
 */
export class CaseHistories {
  private random: () => number = Math.random;
  private readonly dates = new Map<number, LocalDate>();
  private readonly histories = new Map<number, BenchHistory>();

  constructor(private readonly today: LocalDate) {}

  /** The `index`th case (0-based), the same whoever generates it; its reference is unique across all tenants. */
  caseAt(index: number): BenchCase {
    // The authority follows from the history (DISTINCT_HISTORIES is a multiple of 5), as its rules shaped it.
    const authorityIndex = index % AUTHORITIES.length;
    const { tenantId, authorityId } = AUTHORITIES[authorityIndex] ?? AUTHORITIES[0]!;
    const history = this.historyOf(index % DISTINCT_HISTORIES);
    this.random = seededRandom(Math.imul(index + 1, 2_654_435_761));
    const team = this.between(1, TEAMS_PER_AUTHORITY);
    return {
      tenantId,
      reference: `CN${String(index).padStart(7, '0')}`,
      initials: `${this.letter()}.${this.letter()}.`,
      authorityId,
      team: `${authorityId}-team-${team}`,
      workerId: staffIdOf('worker', authorityIndex, team, this.between(1, WORKERS_PER_TEAM)),
      managerId: staffIdOf('manager', authorityIndex, team),
      history,
    };
  }

  private historyOf(historyIndex: number): BenchHistory {
    const known = this.histories.get(historyIndex);
    if (known) return known;
    this.random = seededRandom(Math.imul(historyIndex + 1, 0x9e3779b1) ^ 0x5eed);
    const pathways: Pathway[] = [];
    if (this.chance(0.08)) pathways.push('disabled-children');
    if (this.chance(0.03)) pathways.push('direct-payments');
    if (this.chance(0.01)) pathways.push('supervision-order');
    const opened = -this.between(0, 364);
    const events = this.eventsFrom(opened, pathways);
    const closed = events.find((event) => event.kind === 'plan-closed');
    const history = { pathways, openedOn: this.dateAt(opened), ...(closed ? { closedOn: closed.on } : {}), events };
    this.histories.set(historyIndex, history);
    return history;
  }

  private eventsFrom(opened: number, pathways: readonly Pathway[]): CaseEvent[] {
    const events: CaseEvent[] = [];
    // Days count from today (day 0); an event is kept only if it has happened by today.
    const add = (kind: Exclude<CaseEvent['kind'], 'review-booked' | 'supervision-order-made'>, day: number) => {
      if (day <= 0) events.push({ kind, on: this.dateAt(day) });
      return day <= 0;
    };
    add('case-opened', opened);
    add('referral-received', opened);
    if (this.chance(0.05)) add('cp-plan-ended', opened);
    if (this.chance(0.02)) add('returned-from-care', opened);
    if (this.chance(0.03)) add('moved-in', opened);
    if (pathways.includes('supervision-order') && opened + 3 <= 0) {
      events.push({ kind: 'supervision-order-made', on: this.dateAt(opened + 3), expiresOn: this.dateAt(opened + 368) });
    }
    if (this.chance(0.85)) add('visit-made', opened + this.between(1, 7));
    const started = opened + this.between(0, 3);
    if (!add('assessment-started', started)) return sorted(events);
    const completed = started + this.between(10, 45);
    if (!add('assessment-completed', completed)) return sorted(events);
    // About one assessment in five ends in no further action: the case closes.
    if (this.chance(0.2)) {
      add('plan-closed', completed + this.between(0, 5));
      return sorted(events);
    }
    add('plan-decision', completed);
    if (this.chance(0.3)) add('outline-plan-completed', completed + this.between(1, 5));
    const meeting = completed + this.between(7, 21);
    if (!add('initial-meeting-held', meeting)) return sorted(events);
    add('plan-started', meeting + this.between(0, 3));
    if (this.chance(0.9)) add('plan-circulated', meeting + this.between(2, 12));
    if (this.chance(0.6)) add('minutes-circulated', meeting + this.between(2, 10));
    const closes = this.chance(0.15) ? meeting + this.between(90, 300) : Number.POSITIVE_INFINITY;
    // Visits every four to six weeks; only the last three months' are kept, as a bot that went live then has them.
    for (let visit = meeting + this.between(20, 42); visit < closes && visit <= 0; visit += this.between(20, 42)) {
      if (visit > -90) add('visit-made', visit);
    }
    let lastMeeting = meeting;
    for (let review = meeting + this.between(80, 100); review < closes && review <= 0; review += this.between(80, 100)) {
      add('review-held', review);
      lastMeeting = review;
      if (this.chance(0.6)) add('minutes-circulated', review + this.between(2, 10));
    }
    if (meeting + 270 < closes && this.chance(0.5)) add('reflective-supervision-held', meeting + this.between(250, 280));
    if (meeting + 365 < closes && this.chance(0.5)) add('oversight-review-held', meeting + this.between(340, 370));
    if (closes !== Number.POSITIVE_INFINITY) {
      add('plan-closed', closes);
    } else if (this.chance(0.5) && lastMeeting + 30 <= 0) {
      events.push({ kind: 'review-booked', on: this.dateAt(lastMeeting + this.between(7, 30)), reviewOn: this.dateAt(lastMeeting + this.between(85, 95)) });
    }
    return sorted(events);
  }

  /** The date `offset` days from today, kept: date arithmetic is the slow part of generating. */
  private dateAt(offset: number): LocalDate {
    let date = this.dates.get(offset);
    if (date === undefined) {
      date = addCalendarDays(this.today, offset);
      this.dates.set(offset, date);
    }
    return date;
  }

  private between(low: number, high: number): number {
    return low + Math.floor(this.random() * (high - low + 1));
  }

  private chance(probability: number): boolean {
    return this.random() < probability;
  }

  private letter(): string {
    return LETTERS[Math.floor(this.random() * LETTERS.length)] ?? 'A';
  }
}

function sorted(events: CaseEvent[]): CaseEvent[] {
  return events.sort((left, right) => compareLocalDates(left.on, right.on));
}

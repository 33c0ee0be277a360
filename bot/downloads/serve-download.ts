import { LocalDateSchema, londonDateOf } from '../../domain/dates/local-date.js';
import { isAdmin, mayWorkOn } from '../cases/access.js';
import type { Config } from '../config.js';
import type { CaseRecord, CaseStore } from '../store/cases.js';
import type { RoleStore } from '../store/roles.js';
import { caseCalendar } from './case-calendar.js';
import { signDownload, verifyDownload, type Download } from './signed-link.js';

/** What the HTTP route sends back: a file, or a refusal in plain words. */
export type DownloadResult =
  | { readonly status: 200; readonly contentType: string; readonly filename: string; readonly body: string | Uint8Array }
  | { readonly status: 403 | 404 | 410; readonly message: string };

export interface DownloadDependencies {
  readonly secret: string;
  readonly cases: CaseStore;
  readonly roles: RoleStore;
  /** The census CSV of a tenant's cases between two dates; absent until the exporter is wired. */
  readonly census?: (tenantId: string, from: string, to: string) => Promise<string>;
  /** An agreed version of a case's plan as a printable HTML page, if there is one. */
  readonly planPage?: (record: CaseRecord, version: number) => Promise<string | undefined>;
  /** That page printed to PDF by headless Chromium, where the server has it. */
  readonly printPdf?: (html: string) => Promise<Uint8Array>;
  /** The timeliness CSV, with the asker's teams decided again from stored roles; absent until wired. */
  readonly timeliness?: (download: Extract<Download, { kind: 'timeliness' }>, now: Date) => Promise<DownloadResult>;
}

type LinkConfig = Pick<Config, 'publicBaseUrl' | 'linkSigningSecret'>;

const NOT_FOUND: DownloadResult = { status: 404, message: 'There is nothing to download at this link.' };
const CASE_CALENDAR_HOURS = 24;
// A census export holds every case of the tenant, so its link lives only long enough to click.
const CENSUS_HOURS = 1;

/**
 * Answers a download link. A bad or tampered token gets the same 404 as a missing case, so a link reveals
 * nothing it does not carry; an expired one says so. Who may have it is decided again from stored roles, as
 * a role withdrawn since the link was made must stop it working.
 *
 * @param token - the last segment of `/downloads/<token>`
 * @param now - the server's clock: when the link is checked, and the "today" of the case's obligations
 *
 * @example
 * await serveDownload(tokenFromCaseCalendarLink, new Date('2026-03-10T09:00:00Z'), { secret, cases, roles })
 * //=> { status: 200, contentType: 'text/calendar; charset=utf-8', filename: 'AB12-deadlines.ics', body: 'BEGIN:VCALENDAR…' }
 */
export async function serveDownload(token: string, now: Date, deps: DownloadDependencies): Promise<DownloadResult> {
  const verified = verifyDownload(token, now, deps.secret);
  if (!verified.ok) {
    return verified.error.kind === 'expired-link' ? { status: 410, message: 'This link has expired; ask the bot for a new one.' } : NOT_FOUND;
  }
  const download = verified.value;
  const roles = await deps.roles.rolesOf(download.tenantId, download.userId);
  switch (download.kind) {
    case 'case-calendar': {
      const record = await deps.cases.caseByReference(download.tenantId, download.caseReference);
      if (!record) return NOT_FOUND;
      if (!mayWorkOn(record, download.userId, roles)) return { status: 403, message: `You can no longer see case ${record.reference}.` };
      const obligations = await deps.cases.obligationsOf(record, londonDateOf(now));
      return {
        status: 200,
        contentType: 'text/calendar; charset=utf-8',
        filename: `${record.reference}-deadlines.ics`,
        body: caseCalendar(record.reference, obligations, { generatedAt: now }),
      };
    }
    case 'plan': {
      const record = await deps.cases.caseByReference(download.tenantId, download.caseReference);
      if (!record) return NOT_FOUND;
      if (!mayWorkOn(record, download.userId, roles)) return { status: 403, message: `You can no longer see case ${record.reference}.` };
      const page = await deps.planPage?.(record, download.version);
      if (page === undefined) return NOT_FOUND;
      const filename = `${record.reference}-cin-plan-v${download.version}`;
      if (download.format === 'html') return { status: 200, contentType: 'text/html; charset=utf-8', filename: `${filename}.html`, body: page };
      if (!deps.printPdf) return NOT_FOUND;
      return { status: 200, contentType: 'application/pdf', filename: `${filename}.pdf`, body: await deps.printPdf(page) };
    }
    case 'census': {
      if (!isAdmin(roles)) return { status: 403, message: 'Only an administrator can download the census export.' };
      const from = LocalDateSchema.safeParse(download.from);
      const to = LocalDateSchema.safeParse(download.to);
      if (!deps.census || !from.success || !to.success) return NOT_FOUND;
      return { status: 200, contentType: 'text/csv; charset=utf-8', filename: `census-${from.data}-to-${to.data}.csv`, body: await deps.census(download.tenantId, from.data, to.data) };
    }
    case 'timeliness':
      return deps.timeliness ? deps.timeliness(download, now) : NOT_FOUND;
  }
}

/**
 * The link to a case's deadlines file for one user, valid for 24 hours: long enough to open it later in the
 * day, short enough that a forwarded link soon stops working.
 *
 * @example
 * caseCalendarLink({ publicBaseUrl: 'https://cin.council.example', linkSigningSecret },
 *   { kind: 'case-calendar', tenantId, userId, caseReference: 'AB12' }, new Date('2026-03-10T09:00:00Z'))
 * //=> 'https://cin.council.example/downloads/eyJkb3dubG9hZCI6…'
 */
export function caseCalendarLink(config: LinkConfig, download: Extract<Download, { kind: 'case-calendar' }>, now: Date): string {
  return linkTo(config, download, now, CASE_CALENDAR_HOURS);
}

/**
 * The link to a printable agreed plan (HTML or PDF) for one user, valid for 24 hours, like a case's calendar.
 *
 * @example
 * planLink(config, { kind: 'plan', tenantId, userId, caseReference: 'AB12', version: 1, format: 'html' }, now)
 * //=> 'https://cin.council.example/downloads/eyJkb3dubG9hZCI6…'
 */
export function planLink(config: LinkConfig, download: Extract<Download, { kind: 'plan' }>, now: Date): string {
  return linkTo(config, download, now, CASE_CALENDAR_HOURS);
}

/**
 * The link to a census export for an administrator, valid for one hour.
 *
 * @example
 * censusLink(config, { kind: 'census', tenantId, userId, from: '2025-04-01', to: '2026-03-31' }, now)
 * //=> 'https://cin.council.example/downloads/eyJkb3dubG9hZCI6…'
 */
export function censusLink(config: LinkConfig, download: Extract<Download, { kind: 'census' }>, now: Date): string {
  return linkTo(config, download, now, CENSUS_HOURS);
}

/**
 * The link to a timeliness export for an admin or a manager, valid for one hour, like the census's.
 *
 * @example
 * timelinessLink(config, { kind: 'timeliness', tenantId, userId, from: '2026-04-01', to: '2026-09-30' }, now)
 * //=> 'https://cin.council.example/downloads/eyJkb3dubG9hZCI6…'
 */
export function timelinessLink(config: LinkConfig, download: Extract<Download, { kind: 'timeliness' }>, now: Date): string {
  return linkTo(config, download, now, CENSUS_HOURS);
}

function linkTo(config: LinkConfig, download: Download, now: Date, hours: number): string {
  const expiresAt = new Date(now.getTime() + hours * 60 * 60 * 1000);
  return `${config.publicBaseUrl}/downloads/${signDownload(download, expiresAt, config.linkSigningSecret)}`;
}

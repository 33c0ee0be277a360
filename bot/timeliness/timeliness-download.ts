import { LocalDateSchema, londonDateOf } from '../../domain/dates/local-date.js';
import type { DownloadResult } from '../downloads/serve-download.js';
import type { Download } from '../downloads/signed-link.js';
import { exportTimeliness } from './export-timeliness.js';
import { timelinessScopeFor, type TeamFiguresSources } from './team-figures.js';

/**
 * Answers a timeliness export link: who may have it is decided again from stored roles (an admin every team,
 * a manager or senior practitioner their own), since a role withdrawn after the link was made must stop it.
 *
 * @example
 * await serveTimelinessDownload({ kind: 'timeliness', tenantId, userId: 'm-1', from: '2026-04-01', to: '2026-09-30' }, now, sources)
 * //=> { status: 200, contentType: 'text/csv; charset=utf-8', filename: 'timeliness-2026-04-01-to-2026-09-30.csv', body: 'Month,…' }
 */
export async function serveTimelinessDownload(download: Extract<Download, { kind: 'timeliness' }>, now: Date, sources: TeamFiguresSources): Promise<DownloadResult> {
  const from = LocalDateSchema.safeParse(download.from);
  const to = LocalDateSchema.safeParse(download.to);
  if (!from.success || !to.success) return { status: 404, message: 'There is nothing to download at this link.' };
  const scoped = await timelinessScopeFor({ tenantId: download.tenantId, userId: download.userId }, { team: download.team }, sources);
  if (!scoped.ok) return { status: 403, message: 'Only an admin, or a manager for their own teams, can download the timeliness export.' };
  const body = await exportTimeliness(sources.timeliness, download.tenantId, scoped.value.scope, from.data, to.data, londonDateOf(now), sources.calendar);
  return { status: 200, contentType: 'text/csv; charset=utf-8', filename: `timeliness-${from.data}-to-${to.data}.csv`, body };
}

import { compareLocalDates, formatLongDate, londonDateOf, parseLocalDate } from '../../domain/dates/local-date.js';
import { policyStatuses } from '../../domain/policy/policy-status.js';
import { parseCensusCsv } from '../cases/census-csv.js';
import { importCases } from '../cases/import-cases.js';
import type { Logger } from '../log.js';
import type { AttachedFile, Reply } from '../ports.js';
import { say } from '../replies/say.js';
import type { OutboxStatus } from '../store/tables.js';
import { datesIn } from '../understanding/dates.js';
import type { BotContext, MessageRequest } from './context.js';

/** A census file of a whole authority is a few megabytes at most; anything bigger is not one. */
const MOST_IMPORT_BYTES = 8 * 1024 * 1024;

/** `remove case <ref>`: an admin deletes a case and everything the bot holds about it, at once, audited. */
export async function removeCaseNow(reference: string, request: MessageRequest, context: BotContext): Promise<Reply> {
  const removed = await context.cases.remove(request.asker.tenantId, reference, request.asker.userId, request.receivedAt);
  if (!removed.ok) return say(`There is no case ${reference.slice(0, 40)} here.`);
  return say(`Removed ${removed.value.reference} and everything held about it. The audit log keeps the reference.`);
}

/** `export census 1 April 2026 to 31 March 2027`: a one-hour link to the census CSV of the bot's cases. */
export async function exportCensusLink(period: string, request: MessageRequest, context: BotContext): Promise<Reply> {
  const [from, to] = datesIn(period, londonDateOf(request.receivedAt));
  if (!from || !to || compareLocalDates(from, to) > 0) {
    return say('Give the period as two dates, the earlier first: "export census 1 April 2026 to 31 March 2027".');
  }
  const link = context.downloadLink({ kind: 'census', tenantId: request.asker.tenantId, userId: request.asker.userId, from, to });
  return say(`The census return for ${formatLongDate(from)} to ${formatLongDate(to)} (valid for an hour): ${link}`);
}

/** `import cases` with a CSV attached: loads the rows, reports every rejected line with its reason. */
export async function importAttachedCases(request: MessageRequest & { readonly files: readonly AttachedFile[] }, context: BotContext): Promise<Reply> {
  const [file] = request.files;
  if (!file) return say('Attach the CSV file to the same message as "import cases". Its columns follow the Children in Need census: LAchildID, CINreferralDate, … Initials, Authority, Team, Worker, Manager.');
  const text = await downloaded(file, context.log);
  if (text === undefined) return say(`I could not read ${file.name.slice(0, 80)}. Send it again, as a .csv file under 8 MB.`);
  const today = londonDateOf(request.receivedAt);
  const parsed = parseCensusCsv(text, today);
  if (!parsed.ok) return say(`Nothing imported: ${parsed.error.message}`);
  const summary = await importCases(parsed.value.rows, {
    audit: context.audit,
    cases: context.cases,
    roles: context.roles,
    tenantId: request.asker.tenantId,
    actorId: request.asker.userId,
    today,
    at: request.receivedAt,
    rejectedOnParsing: parsed.value.rejected,
  });
  const lines = [
    `Imported ${file.name.slice(0, 80)}: ${summary.created} cases opened, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.eventsRecorded} dates recorded, ${summary.rolesAssigned} roles given.`,
    ...(summary.rejected.length === 0 ? ['Every row loaded.'] : [`${summary.rejected.length} rows not loaded:`, ...summary.rejected.slice(0, 50).map((row) => `- line ${row.line}${row.reference ? ` (${row.reference})` : ''}: ${row.reason}`)]),
    ...(summary.rejected.length > 50 ? [`…and ${summary.rejected.length - 50} more; "npm run import" on the server lists them all.`] : []),
  ];
  return say(lines.join('\n'));
}

async function downloaded(file: AttachedFile, log: Logger): Promise<string | undefined> {
  try {
    const response = await fetch(file.downloadUrl, { signal: AbortSignal.timeout(15_000) });
    if (!response.ok) return undefined;
    if (Number(response.headers.get('content-length') ?? 0) > MOST_IMPORT_BYTES) return undefined;
    const body = await response.arrayBuffer();
    return body.byteLength > MOST_IMPORT_BYTES ? undefined : new TextDecoder('utf-8').decode(body);
  } catch (error) {
    log.warn('import-download-failed', { errorName: error instanceof Error ? error.name : typeof error });
    return undefined;
  }
}

/** `delivery status`: how the reminders are going, in counts only. */
export async function deliveryStatus(request: MessageRequest, context: BotContext): Promise<Reply> {
  const delivery = await context.outbox.deliveryCounts(request.asker.tenantId);
  const count = (status: OutboxStatus) => delivery.byStatus.get(status) ?? 0;
  const dead = await context.conversations.deadChatCount(request.asker.tenantId);
  return say(
    [
      'Reminder delivery:',
      `- sent: ${count('sent')}`,
      `- pending: ${count('pending') + count('sending') - delivery.retrying}`,
      `- retrying: ${delivery.retrying}`,
      `- failed: ${count('failed')}`,
      `- no longer owed (cancelled): ${count('cancelled')}`,
      `- chats the bot can no longer write to: ${dead}`,
    ].join('\n'),
  );
}

/** `policy status`: each authority's document, when its rules were last checked against it, and the rules flagged. */
export async function policyStatus(request: MessageRequest, context: BotContext): Promise<Reply> {
  const lines = policyStatuses(context.policies).flatMap((status) => {
    const checkedOn = parseLocalDate(status.checkedOn);
    const conflicts = status.flagged.filter((flag) => flag.reasons.includes('conflict')).length;
    return [
      `${status.authorityName}: ${status.file}, text of ${status.version}, SHA-256 ${status.sha256.slice(0, 12)}…`,
      `- rules last checked against it on ${checkedOn ? formatLongDate(checkedOn) : status.checkedOn}`,
      `- ${status.flagged.length} rules flagged (${status.flagged.length - conflicts} read from an ambiguous sentence, ${conflicts} in conflict)${status.flagged.length > 0 ? `: ${status.flagged.map((flag) => flag.ruleId).join(', ')}` : ''}`,
    ];
  });
  return say(['Policies (a new version of a document: npm run policy:check on the server):', ...lines].join('\n'));
}

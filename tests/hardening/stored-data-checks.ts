import { englandAndWalesCalendar } from '../../domain/calendar/holiday-calendar.js';
import { EventKindSchema } from '../../domain/cases/event-kinds.js';
import { parseLocalDate } from '../../domain/dates/local-date.js';
import { POLICIES } from '../../domain/policy/registry.js';
import type { Db } from '../../bot/store/database.js';
import { CaseStore } from '../../bot/store/cases.js';
import { ROLES } from '../../bot/store/tables.js';

const AUTHORITY_IDS = new Set(POLICIES.map((policy) => policy.authority.id));
const STORED_REFERENCE = /^[A-Z0-9][A-Z0-9/-]{1,29}$/;
const STORED_INITIALS = /^[A-Z](?:[.\s]{0,2}[A-Z]){0,3}\.?$/;
const WORKER_ID = /^[\w:-]{2,80}$/;

/**
 * What a hostile request could have left behind that the bot's own rules forbid: a case whose reference,
 * initials, authority, team, worker or dates break the new-case card's checks, an event of no known kind, a
 * setting naming no authority, a role that does not exist. Every case is also read back through the store,
 * whose zod schemas throw on a malformed row. Returns one line per problem; none means the data is sound.
 */
export async function invalidStoredData(db: Db): Promise<string[]> {
  const problems: string[] = [];
  const store = new CaseStore(db, POLICIES, englandAndWalesCalendar());
  for (const row of await db.selectFrom('cases').selectAll().execute()) {
    const where = `case ${JSON.stringify(row.reference)} of ${row.tenant_id}`;
    if (!STORED_REFERENCE.test(row.reference)) problems.push(`${where}: reference`);
    if (!STORED_INITIALS.test(row.initials)) problems.push(`${where}: initials ${JSON.stringify(row.initials)}`);
    if (!AUTHORITY_IDS.has(row.authority_id)) problems.push(`${where}: authority ${JSON.stringify(row.authority_id)}`);
    if (row.team.trim() === '' || row.team.length > 60 || row.team !== row.team.trim()) problems.push(`${where}: team ${JSON.stringify(row.team)}`);
    if (!WORKER_ID.test(row.worker_id)) problems.push(`${where}: worker ${JSON.stringify(row.worker_id)}`);
    if (!parseLocalDate(row.opened_on)) problems.push(`${where}: opened on ${JSON.stringify(row.opened_on)}`);
    const record = await store.caseById(row.id);
    if (!record) problems.push(`${where}: does not read back`);
    else await store.eventsOf(record.id);
  }
  for (const event of await db.selectFrom('case_events').select(['id', 'kind', 'happened_on']).execute()) {
    if (!EventKindSchema.safeParse(event.kind).success) problems.push(`event ${event.id}: kind ${JSON.stringify(event.kind)}`);
    if (!parseLocalDate(event.happened_on)) problems.push(`event ${event.id}: date ${JSON.stringify(event.happened_on)}`);
  }
  for (const setting of [
    ...(await db.selectFrom('user_settings').select('authority_id').execute()),
    ...(await db.selectFrom('tenant_settings').select('authority_id').execute()),
  ]) {
    if (!AUTHORITY_IDS.has(setting.authority_id)) problems.push(`setting: authority ${JSON.stringify(setting.authority_id)}`);
  }
  for (const assignment of await db.selectFrom('role_assignments').select(['role', 'team']).execute()) {
    if (!(ROLES as readonly string[]).includes(assignment.role)) problems.push(`role ${JSON.stringify(assignment.role)}`);
  }
  return problems;
}

import type { Db } from '../../../bot/store/database.js';
import { CaseStore, type NewCase } from '../../../bot/store/cases.js';
import { RoleStore } from '../../../bot/store/roles.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { POLICIES } from '../../../domain/policy/registry.js';
import { calendar } from '../../helpers/policy.js';

export const WORKER = 'worker-object-id';
export const OTHER_WORKER = 'other-worker-object-id';
export const MANAGER = 'manager-object-id';
const AT = new Date('2026-03-10T09:00:00Z');
const on = (date: string) => date as LocalDate;

/**
 * Three Redbridge cases and a manager: AB12 (the worker's, team north), CD34 (another worker's, north) and
 * EF56 (another worker's, south); the manager manages north only. Each case's plan decision starts its
 * initial-meeting deadline, 15 working days on.
 */
export async function seedDeadlines(db: Db, tenantId: string): Promise<void> {
  const cases = new CaseStore(db, POLICIES, calendar);
  const actor = { tenantId, userId: MANAGER };
  const open = async (reference: string, workerId: string, team: string, openedOn: string, planDecisionOn: string) => {
    const input: NewCase = { tenantId, reference, initials: 'X.Y.', authorityId: 'redbridge', team, workerId, pathways: [], openedOn: on(openedOn) };
    const opened = await cases.openCase(input, actor, AT);
    if (!opened.ok) throw new Error(opened.error.kind);
    const recorded = await cases.recordEvent(opened.value, { kind: 'plan-decision', on: on(planDecisionOn) }, actor, on('2026-03-10'), AT);
    if (!recorded.ok) throw new Error(recorded.error.kind);
  };
  // 9 March 2026 (Mon) + 15 working days = Monday 30 March
  await open('AB12', WORKER, 'north', '2026-03-01', '2026-03-09');
  // 2 February 2026 (Mon) + 15 working days = Monday 23 February
  await open('CD34', OTHER_WORKER, 'north', '2026-02-01', '2026-02-02');
  // 2 March 2026 (Mon) + 15 working days = Monday 23 March
  await open('EF56', OTHER_WORKER, 'south', '2026-03-01', '2026-03-02');
  await new RoleStore(db, []).assign(tenantId, { userId: MANAGER, role: 'manager', team: 'north' }, MANAGER, AT);
}

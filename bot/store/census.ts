import type { LocalDate } from '../../domain/dates/local-date.js';
import type { EventKind } from '../../domain/cases/event-kinds.js';
import type { Db } from './database.js';

/**
 * What the census return reads: the tenant's cases in a period, and the latest date of each census event of
 * each case. Withdrawn events are left out. The CSV itself is drawn in bot/cases/export-census.ts.
 */
export class CensusStore {
  constructor(private readonly db: Db) {}

  /** The tenant's cases open at any time in [from, to], or with an event of `kinds` in it, by reference. */
  async casesInPeriod(tenantId: string, from: LocalDate, to: LocalDate, kinds: readonly EventKind[]) {
    return this.db
      .selectFrom('cases')
      .select(['id', 'reference', 'initials', 'authority_id', 'team', 'worker_id', 'manager_id', 'closed_on'])
      .where('tenant_id', '=', tenantId)
      .where((eb) =>
        eb.or([
          eb.and([eb('opened_on', '<=', to), eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', from)])]),
          eb.exists(
            eb
              .selectFrom('case_events')
              .select('case_events.id')
              .whereRef('case_events.case_id', '=', 'cases.id')
              .where('case_events.withdrawn_at', 'is', null)
              .where('case_events.kind', 'in', [...kinds])
              .where('case_events.happened_on', '>=', from)
              .where('case_events.happened_on', '<=', to),
          ),
        ]),
      )
      .orderBy('reference')
      .execute();
  }

  /** For each of the tenant's cases, the latest date of each event of `kinds` recorded. */
  async latestEvents(tenantId: string, kinds: readonly EventKind[]) {
    return this.db
      .selectFrom('case_events')
      .innerJoin('cases', 'cases.id', 'case_events.case_id')
      .select((eb) => ['case_events.case_id', 'case_events.kind', eb.fn.max('case_events.happened_on').as('latest_on')])
      .where('cases.tenant_id', '=', tenantId)
      .where('case_events.withdrawn_at', 'is', null)
      .where('case_events.kind', 'in', [...kinds])
      .groupBy(['case_events.case_id', 'case_events.kind'])
      .execute();
  }
}

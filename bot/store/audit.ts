import type { Kysely } from 'kysely';
import type { Tables } from './tables.js';

export interface AuditEntry {
  readonly tenantId: string;
  /** The Entra object id of who did it, or `system:<job>` for the bot's own work (retention, import). */
  readonly actorId: string;
  /** `<noun>.<act>`: case.opened, event.recorded, event.withdrawn, role.assigned, case.deleted-after-retention… */
  readonly action: string;
  readonly caseReference?: string;
  /** Ids, dates and codes only: never names, never free text a worker typed. */
  readonly detail: Readonly<Record<string, unknown>>;
  readonly at: Date;
}

/** Appends one row to the audit log; the table refuses updates and deletes (migration 0002). */
export async function appendAudit(db: Kysely<Tables>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      tenant_id: entry.tenantId,
      at: entry.at,
      actor_id: entry.actorId,
      action: entry.action,
      case_reference: entry.caseReference ?? null,
      detail: JSON.stringify(entry.detail),
    })
    .execute();
}

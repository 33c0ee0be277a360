import { z } from 'zod';
import { appendAudit } from './audit.js';
import { ROLES, type Role } from './tables.js';
import type { Db } from './database.js';
import { err, ok, type Result } from '../../domain/result.js';

export const RoleSchema = z.enum(ROLES);

export interface RoleAssignment {
  readonly userId: string;
  readonly role: Role;
  /** The team the role is held in; empty for admins, who hold it across the tenant. */
  readonly team: string;
}

const AssignmentRowSchema = z.object({ user_id: z.string(), role: RoleSchema, team: z.string() });

/**
 * Who holds which role in which team, per tenant. The first admins come from BOT_ADMINS; every other role is
 * given in chat by an admin, and audited. Authorisation reads only this, never anything a card sends.
 */
export class RoleStore {
  constructor(
    private readonly db: Db,
    /** Entra object ids from BOT_ADMINS, admins in every tenant the bot serves; 'everyone' in local use only. */
    private readonly configuredAdmins: readonly string[] | 'everyone',
  ) {}

  async rolesOf(tenantId: string, userId: string): Promise<RoleAssignment[]> {
    const rows = await this.db.selectFrom('role_assignments').select(['user_id', 'role', 'team']).where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
    const stored = rows.map((row) => assignmentOf(row));
    const configured = this.configuredAdmins === 'everyone' || this.configuredAdmins.includes(userId);
    return configured ? [{ userId, role: 'admin', team: '' }, ...stored] : stored;
  }

  async everyAssignment(tenantId: string): Promise<RoleAssignment[]> {
    const rows = await this.db
      .selectFrom('role_assignments')
      .select(['user_id', 'role', 'team'])
      .where('tenant_id', '=', tenantId)
      .orderBy('team')
      .orderBy('role')
      .orderBy('user_id')
      .execute();
    const configured = this.configuredAdmins === 'everyone' ? [] : this.configuredAdmins;
    return [...configured.map((userId): RoleAssignment => ({ userId, role: 'admin', team: '' })), ...rows.map(assignmentOf)];
  }

  /** Who holds any of `roles` in `team` (a closure's approvers), in a stable order. */
  async holdersOf(tenantId: string, team: string, roles: readonly Role[]): Promise<string[]> {
    if (roles.length === 0) return [];
    const rows = await this.db
      .selectFrom('role_assignments')
      .select('user_id')
      .distinct()
      .where('tenant_id', '=', tenantId)
      .where('team', '=', team)
      .where('role', 'in', [...roles])
      .orderBy('user_id')
      .execute();
    return rows.map((row) => z.string().parse(row.user_id));
  }

  /** The first of the team's managers by id (whom a case with no manager of its own escalates to); undefined if none. */
  async firstManagerOf(tenantId: string, team: string): Promise<string | undefined> {
    const manager = await this.db
      .selectFrom('role_assignments')
      .select('user_id')
      .where('tenant_id', '=', tenantId)
      .where('team', '=', team)
      .where('role', '=', 'manager')
      .orderBy('user_id')
      .executeTakeFirst();
    return manager?.user_id;
  }

  /** The tenant's admins: BOT_ADMINS and anyone given the role in chat. */
  async adminsOf(tenantId: string): Promise<string[]> {
    const stored = (await this.everyAssignment(tenantId)).filter((assignment) => assignment.role === 'admin').map((assignment) => assignment.userId);
    return [...new Set(stored)];
  }

  async assign(tenantId: string, assignment: RoleAssignment, assignedBy: string, at: Date): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('role_assignments')
        .values({ tenant_id: tenantId, user_id: assignment.userId, role: assignment.role, team: assignment.team, assigned_by: assignedBy, assigned_at: at })
        .onConflict((conflict) => conflict.columns(['tenant_id', 'user_id', 'role', 'team']).doNothing())
        .execute();
      await appendAudit(trx, { tenantId, actorId: assignedBy, action: 'role.assigned', detail: { ...assignment }, at });
    });
  }

  /** Withdraws a role, audited; refused (`not-held`) when they did not hold it. */
  async withdraw(tenantId: string, assignment: RoleAssignment, withdrawnBy: string, at: Date): Promise<Result<RoleAssignment, { readonly kind: 'not-held' }>> {
    return this.db.transaction().execute(async (trx): Promise<Result<RoleAssignment, { readonly kind: 'not-held' }>> => {
      const removed = await trx
        .deleteFrom('role_assignments')
        .where('tenant_id', '=', tenantId)
        .where('user_id', '=', assignment.userId)
        .where('role', '=', assignment.role)
        .where('team', '=', assignment.team)
        .executeTakeFirst();
      if (removed.numDeletedRows === 0n) return err({ kind: 'not-held' });
      await appendAudit(trx, { tenantId, actorId: withdrawnBy, action: 'role.withdrawn', detail: { ...assignment }, at });
      return ok(assignment);
    });
  }
}

function assignmentOf(row: unknown): RoleAssignment {
  const parsed = AssignmentRowSchema.parse(row);
  return { userId: parsed.user_id, role: parsed.role, team: parsed.team };
}

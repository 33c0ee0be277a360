import type { ColumnType, Generated } from 'kysely';
import type { EventKind } from '../../domain/cases/event-kinds.js';
import type { ClosureKind } from '../../domain/closures/closure-checklist.js';
import type { ReviewDecision } from '../../domain/plans/review.js';
import type { Responsible } from '../../domain/policy/schema.js';
import type { RecipientRole, ReminderKind } from '../../domain/reminders/plan-reminders.js';
import type { ConversationKind } from '../ports.js';
import { TEAM_WEEK_KIND } from '../../domain/reminders/team-week.js';

/** The roles a person may hold in a team (the `role` column). */
export const ROLES = ['worker', 'manager', 'senior-practitioner', 'iro', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A timestamp column: written as a Date, read back as a Date (both drivers parse timestamptz). */
type Timestamp = ColumnType<Date, Date, Date>;

/** Every kind of reminder the domain plans, as the outbox stores it (parsed on the way out, so a kind the domain adds must be added here). */
export const REMINDER_KINDS = ['before-due', 'due-today', 'overdue', 'escalation', 'transfer-out'] as const satisfies readonly ReminderKind[];
/** What the outbox holds: the domain's reminders, and each manager's weekly timeliness card (no case). */
export const OUTBOX_KINDS = [...REMINDER_KINDS, TEAM_WEEK_KIND] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];
export const RECIPIENT_ROLES = ['worker', 'manager', 'senior-practitioner', 'iro', 'chair'] as const satisfies readonly RecipientRole[];

/** pending → sending (claimed under a lease) → sent, failed, or cancelled (no longer owed); sending → pending to retry. */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';
export type ApprovalStatus = 'draft' | 'requested' | 'approved' | 'returned';
/** A closure request's messages: each approver's card, the team channel's, updating them once decided, telling the requester. */
export type ApprovalNoticeKind = 'card' | 'update-cards' | 'tell-requester' | 'channel';
export type ApprovalNoticeStatus = 'pending' | 'sent' | 'failed';

/** The tables as Kysely sees them. Rows read back are checked with zod in the repositories (bot/store/*). */
export interface Tables {
  tenant_settings: {
    tenant_id: string;
    authority_id: string;
    updated_at: Timestamp;
  };
  user_settings: {
    tenant_id: string;
    user_id: string;
    authority_id: string;
    updated_at: Timestamp;
  };
  pending_questions: {
    tenant_id: string;
    user_id: string;
    conversation_id: string;
    /** The half-asked question as structured JSON (topic, events, date, pathway), never the user's words. */
    pending: unknown;
    expires_at: Timestamp;
  };
  role_assignments: {
    tenant_id: string;
    user_id: string;
    role: Role;
    team: string;
    assigned_by: string;
    assigned_at: Timestamp;
  };
  cases: {
    id: string;
    tenant_id: string;
    reference: string;
    initials: string;
    authority_id: string;
    team: string;
    worker_id: string;
    manager_id: string | null;
    /** JSON array of pathway ids. */
    pathways: unknown;
    status: 'open' | 'closed';
    /** `YYYY-MM-DD`: the date type is read as text (bot/store/database.ts). */
    opened_on: string;
    closed_on: string | null;
    /** The latest of each census event (withdrawn ones left out), written with the obligations: the Team view's figures. */
    referral_on: string | null;
    assessment_completed_on: string | null;
    plan_started_on: string | null;
    plan_closed_on: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  case_events: {
    id: Generated<string>;
    case_id: string;
    kind: EventKind;
    happened_on: string;
    /** The booked review's date or the order's expiry, for the two kinds that count from a second date. */
    counts_from: string | null;
    recorded_by: string;
    recorded_at: Timestamp;
    withdrawn_at: Timestamp | null;
    withdrawn_by: string | null;
  };
  obligations: {
    case_id: string;
    rule_id: string;
    tenant_id: string;
    worker_id: string;
    team: string;
    responsible_role: Responsible['role'];
    due_on: string;
    done_on: string | null;
  };
  audit_log: {
    id: Generated<string>;
    tenant_id: string;
    at: Timestamp;
    actor_id: string;
    action: string;
    case_reference: string | null;
    detail: unknown;
  };
  team_channels: {
    tenant_id: string;
    teams_team_id: string;
    team_name: string;
    address: unknown;
    added_at: Timestamp;
  };
  conversation_references: {
    tenant_id: string;
    conversation_id: string;
    kind: ConversationKind;
    user_id: string | null;
    user_name: Generated<string | null>;
    address: unknown;
    updated_at: Timestamp;
    dead_at: Timestamp | null;
    dead_reason: string | null;
  };
  reminder_outbox: {
    id: Generated<string>;
    idempotency_key: string;
    tenant_id: string;
    /** Null for a manager's weekly card, which is about their teams. */
    case_id: string | null;
    rule_id: string;
    due_on: string;
    kind: OutboxKind;
    recipient_role: RecipientRole;
    send_after: Timestamp;
    status: OutboxStatus;
    attempts: Generated<number>;
    lease_until: Timestamp | null;
    next_attempt_at: Timestamp | null;
    recipient_id: string | null;
    activity_id: string | null;
    acknowledged_at: Timestamp | null;
    acknowledged_by: string | null;
    last_outcome: string | null;
    created_at: Timestamp;
    sent_at: Timestamp | null;
  };
  reminder_attempts: {
    outbox_id: string;
    at: Timestamp;
    outcome: string;
    status_code: number | null;
  };
  approvals: {
    id: string;
    tenant_id: string;
    case_id: string;
    kind: ClosureKind;
    status: ApprovalStatus;
    /** Bumped on every change; a card carries the version it shows, so a stale card is told apart. */
    version: number;
    /** The worker's ticks and the checklist as it stood when sent (JSON). */
    checklist: unknown;
    requested_by: string;
    requested_at: Timestamp;
    decided_by: string | null;
    decided_at: Timestamp | null;
    /** The manager's reason for returning a request. */
    comment: string | null;
  };
  approval_notices: {
    id: Generated<string>;
    approval_id: string;
    tenant_id: string;
    kind: ApprovalNoticeKind;
    recipient_id: string;
    status: ApprovalNoticeStatus;
    attempts: Generated<number>;
    lease_until: Timestamp | null;
    address: unknown;
    activity_id: string | null;
    last_outcome: string | null;
    created_at: Timestamp;
    sent_at: Timestamp | null;
  };
  plan_versions: {
    case_id: string;
    version: number;
    status: 'draft' | 'agreed';
    /** The plan as written (JSON): sections, action rows, review date. */
    plan: unknown;
    saved_by: string;
    saved_at: Timestamp;
    /** The date of the meeting that agreed it. */
    agreed_on: string | null;
    agreed_by: string | null;
    agreed_at: Timestamp | null;
    meeting: string | null;
  };
  plan_reviews: {
    id: Generated<string>;
    case_id: string;
    plan_version: number;
    held_on: string;
    decision: ReviewDecision;
    /** Progress per action, the child's and family's views, agreement (JSON). */
    review: unknown;
    recorded_by: string;
    recorded_at: Timestamp;
  };
  transfer_checklist_done: {
    case_id: string;
    rule_id: string;
    done_by: string;
    done_at: Timestamp;
  };
}

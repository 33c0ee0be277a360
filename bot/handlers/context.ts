import type { Download } from '../downloads/signed-link.js';
import type { Logger } from '../log.js';
import type { Asker, Messenger, QuestionMemory } from '../ports.js';
import type { CaseStore } from '../store/cases.js';
import type { ConversationStore } from '../store/conversation-references.js';
import type { PlanStore } from '../store/plans.js';
import type { ReminderOutboxStore } from '../store/reminder-outbox.js';
import type { TransferChecklistStore } from '../store/transfer-checklist.js';
import type { ApprovalNoticeStore } from '../store/approval-notices.js';
import type { ApprovalStore } from '../store/approvals.js';
import type { AuditStore } from '../store/audit.js';
import type { TeamChannelStore } from '../store/team-channels.js';
import type { TimelinessStore } from '../store/timeliness.js';
import type { RoleStore } from '../store/roles.js';
import type { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import type { CatalogueEntry } from '../../domain/policy/catalogue.js';
import type { Policy } from '../../domain/policy/schema.js';

/** What answering a question needs: the procedures, the calendar, the half-asked questions, the nearest rules. */
export interface QuestionContext {
  readonly policies: readonly Policy[];
  readonly calendar: HolidayCalendar;
  readonly memory: QuestionMemory;
  readonly nearestRules: (text: string, authorityId: string | undefined, count: number) => CatalogueEntry[];
}

/** What the case commands need beside the question context. */
export interface CaseContext {
  readonly cases: CaseStore;
  /** Each case's CiN plan: agreed versions, the draft, reviews. */
  readonly plans: PlanStore;
  readonly roles: RoleStore;
  readonly conversations: ConversationStore;
  /** The reminders planned, claimed and sent, and what their cards' buttons act on. */
  readonly outbox: ReminderOutboxStore;
  readonly transferChecklist: TransferChecklistStore;
  /** Sends outside the turn (updating reminder cards already sent); absent where nothing is sent (scripts). */
  readonly messenger?: Messenger;
  /** Closure and step-down requests, and the cards and messages they queue. */
  readonly approvals: ApprovalStore;
  readonly approvalNotices: ApprovalNoticeStore;
  /** The Teams team (and General channel) standing for each of the bot's teams. */
  readonly teamChannels: TeamChannelStore;
  /** Timescales met and missed, for team figures and their download. */
  readonly timeliness: TimelinessStore;
  readonly audit: AuditStore;
  /** A signed link to a download, valid from the server's clock (a case's calendar for a day, a census for an hour). */
  readonly downloadLink: (download: Download) => string;
  /** Where "Open the tab" goes: Teams' deep link to the Deadlines tab (see Config.tabUrl). */
  readonly tabUrl: string;
  /** Whether agreed plans can be printed to PDF here (headless Chromium found); otherwise only the HTML page is offered. */
  readonly printsPdf?: boolean;
  /** For failures in work the reply does not wait on (updating cards already sent, fetching an attachment). */
  readonly log: Logger;
}

export type BotContext = QuestionContext & CaseContext;

/** A typed message, reduced to what handlers need. */
export interface MessageRequest {
  readonly text: string;
  readonly receivedAt: Date;
  readonly asker: Asker;
}

/** A card action: who pressed it and when (its data is parsed by the route's schema). */
export type CardRequest = Omit<MessageRequest, 'text'>;

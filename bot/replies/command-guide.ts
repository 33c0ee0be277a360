import { isAdmin, teamsManagedBy, teamsOf } from '../cases/access.js';
import type { RoleAssignment } from '../store/roles.js';

/** Who may use a command: anyone, anyone holding a role in a team, a team's managers and seniors, admins. */
type Audience = 'anyone' | 'team' | 'manager' | 'admin';

interface GuideEntry {
  readonly command: string;
  readonly example: string;
  readonly description: string;
  readonly audience: Audience;
}

interface GuideGroup {
  readonly title: string;
  readonly entries: readonly GuideEntry[];
}

/**
 * Every typed command, grouped as `help` shows them, each with an example a worker could type as it is.
 * tests/bot/routes.test.ts holds it to the route table: each example reaches its route, each route has an example.
 */
export const GUIDE: readonly GuideGroup[] = [
  {
    title: 'Ask',
    entries: [
      { command: 'help', example: 'help', description: 'what I do, and the commands you may use', audience: 'anyone' },
      { command: 'set authority <name>', example: 'set authority Camden', description: 'answer from that authority\u2019s procedure unless you name another', audience: 'anyone' },
      { command: 'rules [authority]', example: 'rules Slough', description: 'every rule of an authority with its timing and source', audience: 'anyone' },
      { command: 'compare <topic>', example: 'compare review frequency', description: 'one rule across all the authorities', audience: 'anyone' },
      { command: 'roles', example: 'roles', description: 'the roles you hold (an admin sees everyone\u2019s)', audience: 'team' },
    ],
  },
  {
    title: 'Cases',
    entries: [
      { command: 'new case <ref>', example: 'new case AB12', description: 'open a case: initials (never a name), authority, team, worker, date opened', audience: 'team' },
      { command: 'record <what> <when> for <ref>', example: 'record assessment completed 2 March for AB12', description: 'record what happened; the deadlines follow', audience: 'team' },
      { command: 'case <ref>', example: 'case AB12', description: 'every deadline of a case, what was recorded, and any request awaiting a decision', audience: 'team' },
      { command: 'withdraw <entry> for <ref>', example: 'withdraw 12 for AB12', description: 'take back a wrong entry (the correction is kept)', audience: 'team' },
      { command: 'my cases', example: 'my cases', description: 'your own cases', audience: 'team' },
      { command: 'my deadlines', example: 'my deadlines', description: 'your own deadlines, soonest first', audience: 'team' },
      { command: 'team deadlines', example: 'team deadlines', description: 'your teams\u2019 deadlines and the requests waiting for you', audience: 'manager' },
      { command: 'reassign <ref> to <person>', example: 'reassign AB12 to @Priya', description: 'move a case, its deadlines and reminders to another worker', audience: 'manager' },
      { command: 'team report', example: 'team report', description: 'your teams\u2019 timeliness: headline figures and the most overdue items', audience: 'manager' },
      { command: 'export timeliness <from> <to>', example: 'export timeliness 1 April 2026 to 31 March 2027', description: 'a one-hour link to your teams\u2019 timeliness figures as CSV', audience: 'manager' },
    ],
  },
  {
    title: 'Plans',
    entries: [
      { command: 'plan <ref>', example: 'plan AB12', description: 'the CiN plan form: draft, save, agree', audience: 'team' },
      { command: 'review <ref>', example: 'review AB12', description: 'record a review of the plan and what it decided', audience: 'team' },
    ],
  },
  {
    title: 'Closures',
    entries: [
      { command: 'close <ref>', example: 'close AB12', description: 'ask a manager to authorise closing the case, with the authority\u2019s checklist', audience: 'team' },
      { command: 'step down <ref>', example: 'step down AB12', description: 'ask a manager to authorise a step-down to early help', audience: 'team' },
    ],
  },
  {
    title: 'Admin',
    entries: [
      { command: 'role <person> <role> of <team>', example: 'role @Sam worker of North', description: 'give someone a role (worker, manager, senior practitioner, IRO) or admin', audience: 'admin' },
      { command: 'import cases', example: 'import cases (with the CSV attached)', description: 'load open cases from a census CSV', audience: 'admin' },
      { command: 'export census <from> <to>', example: 'export census 1 April 2026 to 31 March 2027', description: 'a one-hour link to the census CSV', audience: 'admin' },
      { command: 'delivery status', example: 'delivery status', description: 'reminders sent, pending, retrying, failed', audience: 'admin' },
      { command: 'policy status', example: 'policy status', description: 'each authority\u2019s document, when its rules were last checked against it, and the rules flagged', audience: 'admin' },
      { command: 'remove case <ref>', example: 'remove case AB12', description: 'delete a case and everything held about it', audience: 'admin' },
    ],
  },
];

/** What questions I can answer, as the welcome and the not-understood card list them. */
export const WHAT_I_CAN_ANSWER = [
  'when a meeting, review, visit or assessment is due, counted from a date you give me',
  'when plans, minutes, invitations and reports must go out',
  'how often reviews, network meetings and visits happen',
  'transfers in and out, step-down from child protection, return from care, supervision orders',
  'who chairs, who authorises, what a plan must contain, closure and step-down conditions',
  'Camden\u2019s disability service threshold',
];

export interface CommandGroupView {
  readonly title: string;
  readonly commands: readonly { readonly command: string; readonly example: string; readonly description: string }[];
}

/**
 * The commands a person holding `roles` may use, grouped (ask, cases, plans, closures, admin); a group with
 * nothing for them is left out. Admins may use everything: they may give themselves any role.
 */
export function commandsFor(roles: readonly RoleAssignment[]): CommandGroupView[] {
  const admin = isAdmin(roles);
  const allowed: Readonly<Record<Audience, boolean>> = {
    anyone: true,
    team: admin || teamsOf(roles).length > 0,
    manager: admin || teamsManagedBy(roles).length > 0,
    admin,
  };
  return GUIDE.map((group) => ({
    title: group.title,
    commands: group.entries.filter((entry) => allowed[entry.audience]).map(({ command, example, description }) => ({ command, example, description })),
  })).filter((group) => group.commands.length > 0);
}

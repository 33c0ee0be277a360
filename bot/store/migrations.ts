import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/**
 * The schema's history, oldest first, the same for PGlite and PostgreSQL. Each migration is a list of plain
 * SQL statements (one per query, since PGlite's extended protocol takes one statement at a time). Never edit a
 * migration that has shipped: add the next one.
 */
const MIGRATIONS: Readonly<Record<string, readonly string[]>> = {
  '0001-question-memory': [
    `CREATE TABLE tenant_settings (
       tenant_id text PRIMARY KEY,
       authority_id text NOT NULL,
       updated_at timestamptz NOT NULL
     )`,
    `CREATE TABLE user_settings (
       tenant_id text NOT NULL,
       user_id text NOT NULL,
       authority_id text NOT NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, user_id)
     )`,
    `CREATE TABLE pending_questions (
       tenant_id text NOT NULL,
       user_id text NOT NULL,
       conversation_id text NOT NULL,
       pending jsonb NOT NULL,
       expires_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, user_id, conversation_id)
     )`,
  ],
  '0002-cases-roles-audit': [
    `CREATE TABLE role_assignments (
       tenant_id text NOT NULL,
       user_id text NOT NULL,
       role text NOT NULL CHECK (role IN ('worker', 'manager', 'senior-practitioner', 'iro', 'admin')),
       team text NOT NULL,
       assigned_by text NOT NULL,
       assigned_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, user_id, role, team)
     )`,
    `CREATE TABLE cases (
       id text PRIMARY KEY,
       tenant_id text NOT NULL,
       reference text NOT NULL,
       initials text NOT NULL,
       authority_id text NOT NULL,
       team text NOT NULL,
       worker_id text NOT NULL,
       manager_id text,
       pathways jsonb NOT NULL,
       status text NOT NULL CHECK (status IN ('open', 'closed')),
       opened_on date NOT NULL,
       closed_on date,
       created_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL,
       UNIQUE (tenant_id, reference)
     )`,
    `CREATE INDEX cases_by_worker ON cases (tenant_id, worker_id)`,
    `CREATE INDEX cases_by_team ON cases (tenant_id, team)`,
    `CREATE TABLE case_events (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       case_id text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
       kind text NOT NULL,
       happened_on date NOT NULL,
       counts_from date,
       recorded_by text NOT NULL,
       recorded_at timestamptz NOT NULL,
       withdrawn_at timestamptz,
       withdrawn_by text
     )`,
    `CREATE INDEX case_events_by_case ON case_events (case_id)`,
    `CREATE TABLE obligations (
       case_id text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
       rule_id text NOT NULL,
       tenant_id text NOT NULL,
       worker_id text NOT NULL,
       team text NOT NULL,
       responsible_role text NOT NULL,
       due_on date NOT NULL,
       done_on date,
       PRIMARY KEY (case_id, rule_id)
     )`,
    `CREATE INDEX obligations_open_by_due_date ON obligations (due_on) WHERE done_on IS NULL`,
    `CREATE INDEX obligations_open_by_worker ON obligations (tenant_id, worker_id, due_on) WHERE done_on IS NULL`,
    `CREATE INDEX obligations_open_by_team ON obligations (tenant_id, team, due_on) WHERE done_on IS NULL`,
    `CREATE TABLE audit_log (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       tenant_id text NOT NULL,
       at timestamptz NOT NULL,
       actor_id text NOT NULL,
       action text NOT NULL,
       case_reference text,
       detail jsonb NOT NULL
     )`,
    `CREATE INDEX audit_log_by_case ON audit_log (tenant_id, case_reference)`,
    // Append-only: an audit row can be neither changed nor removed, whoever asks.
    `CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION 'audit_log is append-only';
     END
     $$`,
    `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`,
    `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
       FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`,
    // botbuilder's conversation and user state, with an eTag for optimistic concurrency.
    `CREATE TABLE bot_state (
       key text PRIMARY KEY,
       etag bigint NOT NULL,
       document jsonb NOT NULL
     )`,
  ],
  '0003-case-reference-lookup': [
    // caseByReference matches a reference in any case of letters; without this every lookup reads every case
    // (about 100 ms with 400,000 cases, npm run bench:store).
    `CREATE INDEX cases_by_reference_any_case ON cases (tenant_id, upper(reference))`,
  ],
  // The tables the plan forms, the reminders and the approvals write (issues 5 to 7). Every one that holds a
  // case's data hangs off cases with ON DELETE CASCADE, so retention and "remove case" take it too.
  '0004-conversations-plans-reminders-approvals': [
    `CREATE TABLE conversation_references (
       tenant_id text NOT NULL,
       conversation_id text NOT NULL,
       kind text NOT NULL CHECK (kind IN ('personal', 'channel', 'groupChat')),
       user_id text,
       address jsonb NOT NULL,
       updated_at timestamptz NOT NULL,
       dead_at timestamptz,
       dead_reason text,
       PRIMARY KEY (tenant_id, conversation_id)
     )`,
    `CREATE INDEX conversation_references_personal ON conversation_references (tenant_id, user_id) WHERE kind = 'personal'`,
    `CREATE TABLE plan_versions (
       case_id text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
       version integer NOT NULL,
       status text NOT NULL CHECK (status IN ('draft', 'agreed')),
       plan jsonb NOT NULL,
       saved_by text NOT NULL,
       saved_at timestamptz NOT NULL,
       agreed_on date,
       PRIMARY KEY (case_id, version)
     )`,
    `CREATE TABLE reminder_outbox (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       idempotency_key text NOT NULL UNIQUE,
       tenant_id text NOT NULL,
       case_id text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
       rule_id text NOT NULL,
       due_on date NOT NULL,
       kind text NOT NULL,
       recipient_role text NOT NULL,
       send_after timestamptz NOT NULL,
       status text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
       attempts integer NOT NULL DEFAULT 0,
       lease_until timestamptz,
       next_attempt_at timestamptz,
       recipient_id text,
       activity_id text,
       acknowledged_at timestamptz,
       acknowledged_by text,
       last_outcome text,
       created_at timestamptz NOT NULL,
       sent_at timestamptz
     )`,
    `CREATE INDEX reminder_outbox_due ON reminder_outbox (send_after) WHERE status IN ('pending', 'sending')`,
    `CREATE TABLE reminder_attempts (
       outbox_id bigint NOT NULL REFERENCES reminder_outbox (id) ON DELETE CASCADE,
       at timestamptz NOT NULL,
       outcome text NOT NULL,
       status_code integer
     )`,
    `CREATE TABLE approvals (
       id text PRIMARY KEY,
       tenant_id text NOT NULL,
       case_id text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
       kind text NOT NULL CHECK (kind IN ('closure', 'step-down')),
       status text NOT NULL CHECK (status IN ('draft', 'requested', 'approved', 'returned')),
       version integer NOT NULL,
       checklist jsonb NOT NULL,
       requested_by text NOT NULL,
       requested_at timestamptz NOT NULL,
       decided_by text,
       decided_at timestamptz,
       comment text,
       card_activities jsonb NOT NULL
     )`,
  ],
  // A family that moved out: which of the authority's transfer checklist items the worker has done.
  '0005-transfer-checklist': [
    `CREATE TABLE transfer_checklist_done (
       case_id text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
       rule_id text NOT NULL,
       done_by text NOT NULL,
       done_at timestamptz NOT NULL,
       PRIMARY KEY (case_id, rule_id)
     )`,
  ],
  // The display name Teams gives each member of staff, so a manager's escalation card can name the worker.
  '0006-staff-names': [`ALTER TABLE conversation_references ADD COLUMN user_name text`],
  // CiN plans (issue 5): a case has at most one draft (the next version, saved on every submit, so nothing typed
  // is lost), and each agreed version says who agreed it, when, and at which meeting. Reviews of the plan.
  '0007-plan-drafts-and-reviews': [
    `ALTER TABLE plan_versions ADD COLUMN agreed_by text`,
    `ALTER TABLE plan_versions ADD COLUMN agreed_at timestamptz`,
    `ALTER TABLE plan_versions ADD COLUMN meeting text CHECK (meeting IN ('initial-meeting', 'review'))`,
    `CREATE UNIQUE INDEX plan_versions_one_draft_per_case ON plan_versions (case_id) WHERE status = 'draft'`,
    `CREATE TABLE plan_reviews (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       case_id text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
       plan_version integer NOT NULL,
       held_on date NOT NULL,
       decision text NOT NULL CHECK (decision IN ('continue', 'amend', 'step-down', 'close', 'escalate')),
       review jsonb NOT NULL,
       recorded_by text NOT NULL,
       recorded_at timestamptz NOT NULL
     )`,
    // One review of a case a day: pressing "Record the review" twice corrects the record rather than doubling it.
    `CREATE UNIQUE INDEX plan_reviews_one_a_day ON plan_reviews (case_id, held_on)`,
  ],
  // Closure and step-down requests (issue 7): one open request per case, and the cards and messages a request
  // sends, queued so a manager's decision answers at once however slow Teams is to take the notifications.
  '0008-closure-approvals': [
    // The cards a request sent are kept as its notices of kind 'card' (each with its chat and activity id).
    `ALTER TABLE approvals DROP COLUMN card_activities`,
    `CREATE UNIQUE INDEX approvals_one_open_per_case ON approvals (case_id) WHERE status IN ('draft', 'requested')`,
    `CREATE TABLE approval_notices (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       approval_id text NOT NULL REFERENCES approvals (id) ON DELETE CASCADE,
       tenant_id text NOT NULL,
       kind text NOT NULL CHECK (kind IN ('card', 'update-cards', 'tell-requester')),
       recipient_id text NOT NULL,
       status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
       attempts integer NOT NULL DEFAULT 0,
       lease_until timestamptz,
       address jsonb,
       activity_id text,
       last_outcome text,
       created_at timestamptz NOT NULL,
       sent_at timestamptz
     )`,
    `CREATE INDEX approval_notices_pending ON approval_notices (status, created_at) WHERE status = 'pending'`,
    `CREATE INDEX approval_notices_of_approval ON approval_notices (approval_id)`,
  ],
  // What a question turn reads is kept in memory by each instance (issue 17): every committed change to those
  // rows is announced on one channel, the row's key in its payload, so every instance drops what changed. In a
  // trigger, so no write (ours, a script's, an operator's) can change a row unannounced, and the announcement
  // goes out if and only if the change commits. The schema is in the payload: tests and benchmarks share a server.
  '0009-announce-changes': [
    `CREATE FUNCTION announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
     DECLARE
       changed jsonb;
       key text[] := ARRAY[]::text[];
       column_name text;
       payload text;
     BEGIN
       IF TG_OP = 'DELETE' THEN changed := to_jsonb(OLD); ELSE changed := to_jsonb(NEW); END IF;
       IF TG_NARGS > 0 THEN
         FOREACH column_name IN ARRAY TG_ARGV LOOP
           key := key || (changed ->> column_name);
         END LOOP;
       END IF;
       payload := json_build_object('schema', TG_TABLE_SCHEMA, 'table', TG_TABLE_NAME, 'key', key)::text;
       -- A notification holds under 8000 bytes: a key too long for one announces the whole table instead.
       IF octet_length(payload) > 7000 THEN
         payload := json_build_object('schema', TG_TABLE_SCHEMA, 'table', TG_TABLE_NAME, 'key', ARRAY[]::text[])::text;
       END IF;
       PERFORM pg_notify('cin_store_changes', payload);
       RETURN NULL;
     END
     $$`,
    `CREATE TRIGGER tenant_settings_announced AFTER INSERT OR UPDATE OR DELETE ON tenant_settings
       FOR EACH ROW EXECUTE FUNCTION announce_change('tenant_id')`,
    `CREATE TRIGGER user_settings_announced AFTER INSERT OR UPDATE OR DELETE ON user_settings
       FOR EACH ROW EXECUTE FUNCTION announce_change('tenant_id', 'user_id')`,
    `CREATE TRIGGER pending_questions_announced AFTER INSERT OR UPDATE OR DELETE ON pending_questions
       FOR EACH ROW EXECUTE FUNCTION announce_change('tenant_id', 'user_id', 'conversation_id')`,
    `CREATE TRIGGER conversation_references_announced AFTER INSERT OR UPDATE OR DELETE ON conversation_references
       FOR EACH ROW EXECUTE FUNCTION announce_change('tenant_id', 'conversation_id')`,
    // A table emptied at once announces a change with no key: anything in it may have changed.
    `CREATE TRIGGER tenant_settings_truncated AFTER TRUNCATE ON tenant_settings FOR EACH STATEMENT EXECUTE FUNCTION announce_change()`,
    `CREATE TRIGGER user_settings_truncated AFTER TRUNCATE ON user_settings FOR EACH STATEMENT EXECUTE FUNCTION announce_change()`,
    `CREATE TRIGGER pending_questions_truncated AFTER TRUNCATE ON pending_questions FOR EACH STATEMENT EXECUTE FUNCTION announce_change()`,
    `CREATE TRIGGER conversation_references_truncated AFTER TRUNCATE ON conversation_references FOR EACH STATEMENT EXECUTE FUNCTION announce_change()`,
  ],
  // The Team view counts done obligations too (on time per month), by team and due date.
  '0010-team-timeliness': [`CREATE INDEX obligations_by_team_due ON obligations (tenant_id, team, due_on)`],
  // Teams teams the bot has been added to, each with its General channel's address, kept from the bot's own
  // conversationUpdate: a closure request is posted in the channel of the team whose name is the case's team.
  '0011-team-channels': [
    `CREATE TABLE team_channels (
       tenant_id text NOT NULL,
       teams_team_id text NOT NULL,
       team_name text NOT NULL,
       address jsonb NOT NULL,
       added_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, teams_team_id)
     )`,
    `CREATE INDEX team_channels_by_name ON team_channels (tenant_id, lower(team_name))`,
    `ALTER TABLE approval_notices DROP CONSTRAINT approval_notices_kind_check`,
    `ALTER TABLE approval_notices ADD CONSTRAINT approval_notices_kind_check CHECK (kind IN ('card', 'update-cards', 'tell-requester', 'channel'))`,
  ],
  // botbuilder's Storage was never wired to a handler: its table held nothing, and a table nobody writes is a
  // question every reader of the schema has to ask.
  '0012-no-bot-state': [`DROP TABLE IF EXISTS bot_state`],
  // A case reference is one value whatever its letter case (issue 13): `ab77` and `AB77` were two rows, and a
  // lookup by either found whichever came first, so one team could overwrite another's case. References that
  // clash are not merged here (whose events, worker and plans would win is a person's call): the migration stops,
  // naming them, and the bot does not start until they are renamed or removed.
  '0013-case-references-one-case': [
    `DO $$
     DECLARE
       clashes text;
     BEGIN
       SELECT string_agg(format('tenant %s: %s', tenant_id, refs), '; ' ORDER BY tenant_id, refs) INTO clashes
       FROM (
         SELECT tenant_id, string_agg(format('%s (case id %s)', reference, id), ' and ' ORDER BY reference) AS refs
         FROM cases GROUP BY tenant_id, upper(btrim(reference)) HAVING count(*) > 1
       ) AS clashing;
       IF clashes IS NOT NULL THEN
         RAISE EXCEPTION 'Cannot start: these case references differ only in letter case, so they would name one case: %. Nothing was changed. Give one of each pair another reference (UPDATE cases SET reference = ''<new reference>'' WHERE id = ''<case id>''), then start the bot again.', clashes;
       END IF;
     END
     $$`,
    `UPDATE cases SET reference = upper(btrim(reference)) WHERE reference <> upper(btrim(reference))`,
    `ALTER TABLE cases ADD CONSTRAINT cases_reference_normalised CHECK (reference = upper(btrim(reference)))`,
    // The unique (tenant_id, reference) index now serves every lookup.
    `DROP INDEX cases_by_reference_any_case`,
  ],
  // A manager's weekly timeliness card (issue 18) goes through the reminder outbox, once per manager and ISO week,
  // but is about their teams, not one case: its row has no case and names its recipient from the start.
  '0014-team-week-card': [
    `ALTER TABLE reminder_outbox ALTER COLUMN case_id DROP NOT NULL`,
    `ALTER TABLE reminder_outbox ADD CONSTRAINT reminder_outbox_case_or_team_week CHECK (case_id IS NOT NULL OR (kind = 'team-week' AND recipient_id IS NOT NULL))`,
  ],
  // The Team view's census figures (issue 18) read each case's latest referral, assessment, plan start and plan
  // end: kept on the case row, written with its obligations whenever its events change, so one team's figures
  // are one indexed read of its cases instead of an aggregate over every event of every case in it.
  '0015-census-dates-on-cases': [
    `ALTER TABLE cases ADD COLUMN referral_on date, ADD COLUMN assessment_completed_on date, ADD COLUMN plan_started_on date, ADD COLUMN plan_closed_on date`,
    `UPDATE cases SET referral_on = latest.referral_on, assessment_completed_on = latest.assessment_completed_on,
       plan_started_on = latest.plan_started_on, plan_closed_on = latest.plan_closed_on
     FROM (
       SELECT case_id,
         max(happened_on) FILTER (WHERE kind = 'referral-received') AS referral_on,
         max(happened_on) FILTER (WHERE kind = 'assessment-completed') AS assessment_completed_on,
         max(happened_on) FILTER (WHERE kind = 'plan-started') AS plan_started_on,
         max(happened_on) FILTER (WHERE kind = 'plan-closed') AS plan_closed_on
       FROM case_events
       WHERE withdrawn_at IS NULL AND kind IN ('referral-received', 'assessment-completed', 'plan-started', 'plan-closed')
       GROUP BY case_id
     ) AS latest
     WHERE latest.case_id = cases.id`,
    // One team's rows for the figures, every column read held in the index (an index-only scan once vacuumed):
    // the team's cases are scattered over the whole table, and reading them from the heap read most of it.
    `CREATE INDEX cases_census_by_team ON cases (tenant_id, team) INCLUDE (id, reference, authority_id, opened_on, closed_on, referral_on, assessment_completed_on, plan_started_on, plan_closed_on)`,
    `DROP INDEX cases_by_team`,
    `CREATE INDEX obligations_timeliness_by_team ON obligations (tenant_id, team, due_on) INCLUDE (rule_id, done_on, worker_id, case_id)`,
    `DROP INDEX obligations_by_team_due`,
  ],
  // The Team view counts a team's open items and finds the earliest (issue 18): through the index of all its
  // items that is every item ever due, done ones filtered out one by one; through the open ones' own index, with
  // the columns read held in it, only the few thousand open. It serves every query the narrower one did.
  '0016-open-obligations-by-team-covering': [
    `DROP INDEX obligations_open_by_team`,
    `CREATE INDEX obligations_open_by_team ON obligations (tenant_id, team, due_on) INCLUDE (rule_id, worker_id, case_id) WHERE done_on IS NULL`,
  ],
};

/** Kysely's Migrator reads the list above; names sort in the order they must run. */
export const migrationProvider: MigrationProvider = {
  getMigrations: () =>
    Promise.resolve(
      Object.fromEntries(
        Object.entries(MIGRATIONS).map(([name, statements]): [string, Migration] => [
          name,
          {
            up: async (db: Kysely<unknown>) => {
              for (const statement of statements) await sql.raw(statement).execute(db);
            },
          },
        ]),
      ),
    ),
};

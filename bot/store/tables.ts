import type { ColumnType } from 'kysely';

/** A timestamp column: written as a Date, read back as a Date (both drivers parse timestamptz). */
type Timestamp = ColumnType<Date, Date, Date>;

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
}

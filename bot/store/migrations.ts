import { sql, type Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';

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

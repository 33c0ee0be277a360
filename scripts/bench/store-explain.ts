import { CompiledQuery, createQueryId, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../bot/store/database.js';

const PlanRowSchema = z.object({ 'QUERY PLAN': z.string() });

/**
 * The plan PostgreSQL chooses for the statements `work` runs through the database it is given, whatever code
 * builds them (CaseStore included): the first statement is captured as it is sent, then explained with its own
 * parameters.
 *
 * @example
 * await planOf(db, (captured) => new CaseStore(captured, POLICIES, calendar).deadlines(tenant, { workerId }))
 * //=> ['Limit  (cost=21.48..5833.11 rows=500 width=126)', …, '->  Index Scan using obligations_open_by_worker on obligations …', …]
 */
export async function planOf(db: Db, work: (captured: Db) => Promise<unknown>): Promise<string[]> {
  let first: RootOperationNode | undefined;
  const capture: KyselyPlugin = {
    transformQuery: ({ node }) => (first ??= node),
    transformResult: ({ result }) => Promise.resolve(result),
  };
  await work(db.withPlugin(capture));
  if (!first) throw new Error('The work ran no statement to explain');
  const compiled = db.getExecutor().compileQuery(first, createQueryId());
  const { rows } = await db.executeQuery(CompiledQuery.raw(`EXPLAIN ${compiled.sql}`, [...compiled.parameters]));
  return rows.map((row) => PlanRowSchema.parse(row)['QUERY PLAN']);
}

/** Thrown for a query while the database has not been reached since the bot started (its schema is not yet known). */
export class DatabaseNotYetReachedError extends Error {
  override readonly name = 'DatabaseNotYetReachedError';
  constructor() {
    super('The database has not been reached since the bot started');
  }
}

/** The socket could not be opened or was lost: the server is down, restarting, or the network between is. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/**
 * PostgreSQL's own answers that mean "not now": connection exceptions (class 08), the server shutting down or
 * starting up (57P01-57P03), and no connection slot free (53300).
 */
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[123]|53300)$/;

/** What the pg driver says when the connection dies under it, or the pool cannot get one in time. */
const DRIVER_MESSAGES = [/^Connection terminated/, /^timeout exceeded when trying to connect/, /not queryable/, /^Client was closed/];

/**
 * Whether an error means the database cannot be reached just now, as opposed to a mistake in a query or in the
 * data: the first is worth telling the user as such and trying again later; the second is a bug.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseNotYetReachedError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.test(code))) return true;
  if (DRIVER_MESSAGES.some((pattern) => pattern.test(error.message))) return true;
  // Connecting to a name with several addresses fails with one error per address.
  return error instanceof AggregateError && error.errors.some(isDatabaseUnavailable);
}

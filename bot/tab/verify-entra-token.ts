import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { err, ok, type Result } from '../../domain/result.js';

/** Who a verified token names: the tenant and the Entra object id, as the bot keys roles and cases. */
export interface TabUser {
  readonly tenantId: string;
  readonly userId: string;
}

export interface InvalidToken {
  readonly kind: 'invalid-token';
  /** A code for the log, never the token or its claims. */
  readonly reason: 'malformed' | 'expired' | 'bad-signature' | 'bad-claims' | 'keys-unavailable' | 'tenant-not-allowed';
}

// A GUID only: the tenant id goes into the key-set URL, so nothing else may reach it.
const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ClaimsSchema = z.object({ tid: z.string().regex(TENANT_ID), oid: z.string().min(1) });

/** The tenant's published signing keys, fetched once per tenant and cached (and refreshed) by jose. */
export type KeySetFor = (tenantId: string) => JWTVerifyGetKey;

/** Tenants whose key sets are kept: a council's tab meets one or a few; a flood of made-up tenants meets this. */
export const MOST_TENANT_KEY_SETS = 50;

const keySets = new Map<string, JWTVerifyGetKey>();

/** Entra's key set for a tenant, shared by every request of the process; the least recently used go first. */
export const entraKeySet: KeySetFor = (tenantId) => {
  let keys = keySets.get(tenantId);
  if (keys) keySets.delete(tenantId);
  else keys = createRemoteJWKSet(new URL(`https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`), { timeoutDuration: 5000 });
  keySets.set(tenantId, keys);
  for (const oldest of keySets.keys()) {
    if (keySets.size <= MOST_TENANT_KEY_SETS) break;
    keySets.delete(oldest);
  }
  return keys;
};

/** How many tenants' key sets are held now (the tests hold it to MOST_TENANT_KEY_SETS). */
export const tenantKeySetsHeld = (): number => keySets.size;

/**
 * Checks an Entra access token from the tab's single sign-on: RS256 signature against the issuing tenant's
 * published keys, issuer `https://login.microsoftonline.com/{tid}/v2.0`, one of `audiences`, and expiry.
 *
 * @example
 * await verifyEntraToken(token, { audiences: ['5e3c…'], now: new Date() })
 * //=> { ok: true, value: { tenantId: '72f9…', userId: '3d1a…' } }  or  { ok: false, error: { kind: 'invalid-token', reason: 'expired' } }
 */
export async function verifyEntraToken(
  token: string,
  {
    audiences,
    now,
    allowedTenants,
    keySetFor = entraKeySet,
  }: {
    readonly audiences: readonly string[];
    readonly now: Date;
    /** Lower-case tenant ids served; a token from any other is refused before any key is fetched. Absent: all. */
    readonly allowedTenants?: readonly string[];
    readonly keySetFor?: KeySetFor;
  },
): Promise<Result<TabUser, InvalidToken>> {
  const refuse = (reason: InvalidToken['reason']) => err<InvalidToken>({ kind: 'invalid-token', reason });
  if (audiences.length === 0) return refuse('bad-claims');
  let tenantId: string;
  try {
    // Unverified, only to choose whose keys to check the signature with; the issuer check below binds them.
    const claimed = ClaimsSchema.safeParse(decodeJwt(token));
    if (!claimed.success) return refuse('malformed');
    tenantId = claimed.data.tid;
  } catch {
    return refuse('malformed');
  }
  if (allowedTenants !== undefined && !allowedTenants.includes(tenantId.toLowerCase())) return refuse('tenant-not-allowed');
  try {
    const { payload } = await jwtVerify(token, keySetFor(tenantId), {
      algorithms: ['RS256'],
      issuer: `https://login.microsoftonline.com/${tenantId}/v2.0`,
      audience: [...audiences],
      currentDate: now,
      requiredClaims: ['exp'],
    });
    const claims = ClaimsSchema.parse(payload);
    return ok({ tenantId: claims.tid, userId: claims.oid });
  } catch (error) {
    if (error instanceof errors.JWTExpired) return refuse('expired');
    if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return refuse('bad-signature');
    if (error instanceof errors.JWTClaimValidationFailed || error instanceof z.ZodError) return refuse('bad-claims');
    // jose's plain JOSEError (no subclass) is the key set's endpoint answering other than 200: keys unavailable.
    const unavailable = error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || (error instanceof errors.JOSEError && error.constructor === errors.JOSEError);
    if (error instanceof errors.JOSEError && !unavailable) return refuse('malformed');
    return refuse('keys-unavailable');
  }
}

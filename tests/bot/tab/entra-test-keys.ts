import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import nock from 'nock';

export const TENANT_ID = '8f2c3a10-5b7e-4d21-9c44-0a1b2c3d4e5f';
export const APP_ID = '00000000-0000-4000-8000-00000000ab12';

export interface EntraDouble {
  /** A token as Entra would issue it for the tab, signed by the published key unless told otherwise. */
  tokenFor(userId: string, options?: { readonly audience?: string; readonly expiresAt?: Date; readonly issuedAt?: Date; readonly signedBy?: 'published' | 'unpublished' }): Promise<string>;
}

/**
 * Entra for one tenant: an RSA key pair made here, its public half published as the tenant's key set by nock
 * at login.microsoftonline.com, and a second key the set does not list, for the wrongly signed case.
 */
export async function entraDouble(now: Date): Promise<EntraDouble> {
  const published = await generateKeyPair('RS256', { extractable: true });
  const unpublished = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(published.publicKey)), kid: 'published-key', use: 'sig', alg: 'RS256' };
  nock('https://login.microsoftonline.com').persist().get(`/${TENANT_ID}/discovery/v2.0/keys`).reply(200, { keys: [jwk] });
  const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
  return {
    tokenFor: (userId, { audience = APP_ID, expiresAt = new Date(now.getTime() + 3_600_000), issuedAt = new Date(now.getTime() - 60_000), signedBy = 'published' } = {}) => {
      const key: CryptoKey = signedBy === 'published' ? published.privateKey : unpublished.privateKey;
      return new SignJWT({ tid: TENANT_ID, oid: userId, scp: 'access_as_user', ver: '2.0' })
        .setProtectedHeader({ alg: 'RS256', kid: signedBy === 'published' ? 'published-key' : 'unpublished-key', typ: 'JWT' })
        .setIssuer(`https://login.microsoftonline.com/${TENANT_ID}/v2.0`)
        .setAudience(audience)
        .setIssuedAt(seconds(issuedAt))
        .setNotBefore(seconds(issuedAt))
        .setExpirationTime(seconds(expiresAt))
        .sign(key);
    },
  };
}

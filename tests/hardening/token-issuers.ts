import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import nock from 'nock';

/** The Bot Framework channel's issuer, and Entra's issuer for the botframework.com tenant (v2.0 tokens). */
export const CHANNEL_ISSUER = 'https://api.botframework.com';
export const ENTRA_BOT_FRAMEWORK_ISSUER = 'https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0';

export interface TokenClaims {
  readonly issuer: string;
  readonly audience: string;
  /** Seconds from now; negative for a token that has already expired. */
  readonly expiresInSeconds?: number;
  readonly serviceUrl?: string;
  /** Entra v2.0 tokens name the calling app in `azp`. */
  readonly authorisedParty?: string;
  readonly signedBy?: 'published' | 'unpublished';
}

export interface MicrosoftTokenIssuers {
  /** An `Authorization` header value carrying a token with these claims. */
  bearer(claims: TokenClaims): Promise<string>;
}

const KEY_ID = 'hardening-test-key';

/**
 * Stands in for both places botframework-connector fetches signing keys: the channel's OpenID metadata at
 * login.botframework.com (keys endorsed for msteams, as the real ones are) and Entra's common v2.0 metadata at
 * login.microsoftonline.com. Both publish the public half of one RSA key made here; a second key is never
 * published, for the wrongly signed token.
 */
export async function publishMicrosoftSigningKeys(): Promise<MicrosoftTokenIssuers> {
  const published = await generateKeyPair('RS256', { extractable: true });
  const unpublished = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(published.publicKey)), kid: KEY_ID, use: 'sig', alg: 'RS256' };
  nock('https://login.botframework.com')
    .persist()
    .get('/v1/.well-known/openidconfiguration')
    .reply(200, { issuer: CHANNEL_ISSUER, jwks_uri: 'https://login.botframework.com/v1/.well-known/keys', id_token_signing_alg_values_supported: ['RS256'] })
    .get('/v1/.well-known/keys')
    .reply(200, { keys: [{ ...jwk, endorsements: ['msteams'] }] });
  nock('https://login.microsoftonline.com')
    .persist()
    .get('/common/v2.0/.well-known/openid-configuration')
    .reply(200, { issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0', jwks_uri: 'https://login.microsoftonline.com/common/discovery/v2.0/keys' })
    .get('/common/discovery/v2.0/keys')
    .reply(200, { keys: [jwk] });
  return {
    bearer: async ({ issuer, audience, expiresInSeconds = 3600, serviceUrl, authorisedParty, signedBy = 'published' }) => {
      const key: CryptoKey = signedBy === 'published' ? published.privateKey : unpublished.privateKey;
      // Each token lives an hour, as Microsoft's do.
      const expiresAt = Math.floor(Date.now() / 1000) + expiresInSeconds;
      const claims = {
        ...(serviceUrl === undefined ? {} : { serviceurl: serviceUrl }),
        ...(authorisedParty === undefined ? {} : { azp: authorisedParty, ver: '2.0' }),
      };
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: KEY_ID, typ: 'JWT' })
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt(expiresAt - 3600)
        .setNotBefore(expiresAt - 3600)
        .setExpirationTime(expiresAt)
        .sign(key);
      return `Bearer ${token}`;
    },
  };
}

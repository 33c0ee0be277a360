import { createPublicKey } from 'node:crypto';
import { createRequire } from 'node:module';
import { z } from 'zod';
import type { Logger } from '../log.js';

/** Microsoft's signing keys could not be had (its metadata or key endpoint failed, or did not answer in time). */
export class SigningKeysUnavailableError extends Error {
  override readonly name = 'SigningKeysUnavailableError';
}

const MetadataSchema = z.object({ jwks_uri: z.url() });
const KeySetSchema = z.object({
  keys: z.array(z.object({ kid: z.string().optional(), n: z.string().optional(), e: z.string().optional(), endorsements: z.array(z.string()).optional() }).loose()),
});
type Jwk = z.infer<typeof KeySetSchema>['keys'][number];

/** Keys older than this are refreshed, in the background, while the ones held keep serving. */
const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;
/** A token naming a key not held fetches the keys again (Microsoft rolled them) at most this often. */
const UNKNOWN_KEY_REFETCH_MS = 60 * 60 * 1000;

/**
 * One OpenID metadata URL's signing keys, as botframework-connector's JwtTokenExtractor reads them (`getKey`),
 * in place of its own OpenIdMetadata, which fetched with no timeout (a key endpoint that took the connection and
 * never answered hung every request for ever) and once per waiting request. Here: every fetch gives up after
 * `timeoutMs`; one fetch at a time, shared by every request waiting on it; once keys are held, a stale set is
 * refreshed in the background and requests go on with the keys held.
 */
export class OpenIdSigningKeys {
  private keys: readonly Jwk[] | undefined;
  private fetchedAt = 0;
  private triedAt = 0;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly metadataUrl: string,
    private readonly timeoutMs: number,
    private readonly log: Logger,
  ) {}

  /** The PEM public key and endorsements for `keyId`, null when no key has that id; throws SigningKeysUnavailableError. */
  async getKey(keyId: string): Promise<{ key: string; endorsements?: string[] } | null> {
    if (this.keys === undefined) await this.refresh();
    else if (Date.now() - this.fetchedAt > REFRESH_AFTER_MS) void this.refresh().catch((error: unknown) => this.refreshFailed(error));
    else if (!this.find(keyId) && Date.now() - this.triedAt > UNKNOWN_KEY_REFETCH_MS) await this.refresh().catch((error: unknown) => this.refreshFailed(error));
    return this.find(keyId);
  }

  /** The keys held go on serving; the operator is told the refresh failed, by the error's name only. */
  private refreshFailed(error: unknown): void {
    this.log.warn('signing-keys-refresh-failed', { errorName: error instanceof Error ? error.name : typeof error });
  }

  private refresh(): Promise<void> {
    this.inFlight ??= this.fetchKeys().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async fetchKeys(): Promise<void> {
    this.triedAt = Date.now();
    try {
      const metadata = MetadataSchema.parse(await this.fetchJson(this.metadataUrl));
      const keySet = KeySetSchema.parse(await this.fetchJson(metadata.jwks_uri));
      this.keys = keySet.keys;
      this.fetchedAt = Date.now();
    } catch (error) {
      // The cause's name only: its message names Microsoft's URLs and must not reach a response.
      throw new SigningKeysUnavailableError(`Signing keys could not be fetched (${error instanceof Error ? error.name : typeof error})`);
    }
  }

  private async fetchJson(url: string): Promise<unknown> {
    const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  }

  private find(keyId: string): { key: string; endorsements?: string[] } | null {
    const jwk = this.keys?.find((candidate) => candidate.kid === keyId);
    if (!jwk?.n || !jwk.e) return null;
    const key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
    return { key, ...(jwk.endorsements ? { endorsements: jwk.endorsements } : {}) };
  }
}

/**
 * Makes botframework-connector's token validation use OpenIdSigningKeys for every metadata URL. Its cache of
 * metadata by URL is a private static of JwtTokenExtractor, the one seam it offers; the process shares it, so the
 * latest timeout given applies to URLs met from then on.
 */
export function boundSigningKeyFetches(timeoutMs: number, log: Logger): void {
  const require = createRequire(import.meta.url);
  const extractor = require('botframework-connector/lib/auth/jwtTokenExtractor.js') as { JwtTokenExtractor: { openIdMetadataCache: Map<string, unknown> } };
  extractor.JwtTokenExtractor.openIdMetadataCache = new SigningKeysByUrl(timeoutMs, log);
}

class SigningKeysByUrl extends Map<string, unknown> {
  constructor(
    private readonly timeoutMs: number,
    private readonly log: Logger,
  ) {
    super();
  }

  override get(url: string): unknown {
    if (!super.has(url)) super.set(url, new OpenIdSigningKeys(url, this.timeoutMs, this.log));
    return super.get(url);
  }
}

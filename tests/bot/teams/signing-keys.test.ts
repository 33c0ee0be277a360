import { generateKeyPairSync } from 'node:crypto';
import nock from 'nock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OpenIdSigningKeys } from '../../../bot/teams/signing-keys.js';
import { recordingLogger } from './bot-framework-double.js';

// Microsoft's signing keys: a stale set is refreshed in the background while the keys held keep serving, and a
// refresh that fails is logged (by the error's name), never swallowed.
const METADATA = 'https://login.example.test/v1/.well-known/openidconfiguration';
const KEYS = 'https://login.example.test/v1/keys';
const DAY_MS = 24 * 60 * 60 * 1000;

function publishedKey(keyId: string) {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: keyId, kty: 'RSA', ...publicKey.export({ format: 'jwk' }) };
}

describe('OpenIdSigningKeys', () => {
  afterEach(() => {
    nock.cleanAll();
    vi.useRealTimers();
  });

  it('keeps serving the keys held when a refresh of a day-old set fails, and logs the failure by name', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-04T09:00:00Z') });
    nock('https://login.example.test').get('/v1/.well-known/openidconfiguration').reply(200, { jwks_uri: KEYS }).get('/v1/keys').reply(200, { keys: [publishedKey('key-1')] });
    const log = recordingLogger();
    const keys = new OpenIdSigningKeys(METADATA, 1_000, log);
    expect(await keys.getKey('key-1')).toMatchObject({ key: expect.stringContaining('BEGIN PUBLIC KEY') });

    vi.setSystemTime(Date.now() + DAY_MS + 1);
    nock('https://login.example.test').get('/v1/.well-known/openidconfiguration').replyWithError('connect ECONNREFUSED');
    expect(await keys.getKey('key-1')).toMatchObject({ key: expect.stringContaining('BEGIN PUBLIC KEY') });
    // The refresh runs in the background, after the key was served.
    await vi.waitFor(() => expect(log.events).toEqual([{ level: 'warn', event: 'signing-keys-refresh-failed', fields: { errorName: 'SigningKeysUnavailableError' } }]));
  });

  it('logs a failed fetch for a key it does not hold, and answers that it has no such key', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-04T09:00:00Z') });
    nock('https://login.example.test').get('/v1/.well-known/openidconfiguration').reply(200, { jwks_uri: KEYS }).get('/v1/keys').reply(200, { keys: [publishedKey('key-1')] });
    const log = recordingLogger();
    const keys = new OpenIdSigningKeys(METADATA, 1_000, log);
    await keys.getKey('key-1');

    vi.setSystemTime(Date.now() + 2 * 60 * 60 * 1000);
    nock('https://login.example.test').get('/v1/.well-known/openidconfiguration').reply(503);
    expect(await keys.getKey('key-rolled')).toBeNull();
    expect(log.events).toEqual([{ level: 'warn', event: 'signing-keys-refresh-failed', fields: { errorName: 'SigningKeysUnavailableError' } }]);
  });
});

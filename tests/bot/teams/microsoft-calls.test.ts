import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../bot/config.js';
import { createBotFrameworkAuthentication } from '../../../bot/teams/microsoft-calls.js';

function authentication() {
  const config = loadConfig({ NODE_ENV: 'development', MicrosoftAppId: '' });
  if (!config.ok) throw new Error(config.error.message);
  return createBotFrameworkAuthentication(config.value);
}

function messageFrom(serviceUrl: string): Activity {
  return { type: 'message', channelId: 'msteams', serviceUrl, from: { id: '29:a' }, recipient: { id: '28:bot' }, conversation: { id: 'a:1' } } as Activity;
}

async function connectorFor(auth: ReturnType<typeof authentication>, serviceUrl: string) {
  const result = await auth.authenticateRequest(messageFrom(serviceUrl), '');
  if (!result.connectorFactory) throw new Error('no connector factory');
  return { client: await result.connectorFactory.create(serviceUrl, result.audience), claims: result.claimsIdentity };
}

describe('the clients a turn replies through', () => {
  it('are built once per service URL and reused by later turns, with the timeout wrapped once', async () => {
    const auth = authentication();
    const first = await connectorFor(auth, 'https://smba.trafficmanager.net/uk/');
    const second = await connectorFor(auth, 'https://smba.trafficmanager.net/uk/');
    const elsewhere = await connectorFor(auth, 'https://smba.trafficmanager.net/emea/');

    expect(second.client).toBe(first.client);
    expect(second.client.sendOperationRequest).toBe(first.client.sendOperationRequest);
    expect(elsewhere.client).not.toBe(first.client);
    expect(elsewhere.client.conversations).toBeDefined();
  });

  it('keep one user token client for the app rather than one a turn', async () => {
    const auth = authentication();
    const { claims } = await connectorFor(auth, 'https://smba.trafficmanager.net/uk/');

    expect(await auth.createUserTokenClient(claims)).toBe(await auth.createUserTokenClient(claims));
  });

  it('keep no more than a bounded number, since without authentication the sender names the service URL', async () => {
    const auth = authentication();
    const first = await connectorFor(auth, 'http://127.0.0.1:1/');
    for (let port = 2; port <= 70; port += 1) await connectorFor(auth, `http://127.0.0.1:${port}/`);

    expect((await connectorFor(auth, 'http://127.0.0.1:1/')).client).not.toBe(first.client);
  });
});

import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import restify, { type Request, type Response } from 'restify';
import type { AddressInfo } from 'node:net';
import { startConnectorStandIn } from '../eval/connector-stand-in.js';
import { startBot } from '../../bot/start-bot.js';

/**
 * The two servers the chat benchmark compares, in one process so they share the machine alike: the real bot
 * (embedded database, no authentication, as `npm start` runs locally) and a bare botbuilder echo bot on
 * restify. Both reply through the same loopback stand-in for the Bot Connector. Prints one JSON line with
 * their URLs, then serves until killed.
 */
const connector = await startConnectorStandIn({ keep: false });
const ours = await startBot({ PORT: '0', DATA_DIR: process.argv[2] ?? '', MicrosoftAppId: '', LOG_LEVEL: 'error', NODE_ENV: 'development' }, { host: '127.0.0.1' });
const echo = await startEchoBot();
process.stdout.write(`${JSON.stringify({ ours: ours.url, echo, serviceUrl: connector.serviceUrl })}\n`);

async function startEchoBot(): Promise<string> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const server = restify.createServer({ name: 'echo', log: restify.logger({ level: 'silent' }) });
  server.post('/api/messages', restify.plugins.jsonBodyParser({ maxBodySize: 262_144 }), async (request: Request, response: Response) => {
    // A bare echo bot as the samples write it: the body as restify parsed it, no checks of our own.
    const body = request.body as Record<string, unknown>;
    await adapter.process({ method: 'POST', headers: request.headers, body }, response, async (context: TurnContext) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
}

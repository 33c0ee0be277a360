import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type TurnContext } from 'botbuilder';
import restify, { type Request, type Response } from 'restify';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startConnectorStandIn } from '../eval/connector-stand-in.js';
import { startBot } from '../../bot/start-bot.js';
import { answerText, dueDateView } from '../../bot/replies/answer-reply.js';
import { understand } from '../../bot/understanding/understand.js';
import { answerCard, type AnswerView } from '../../cards/answer-card.js';
import { englandAndWalesCalendar } from '../../domain/calendar/holiday-calendar.js';
import { londonDateOf } from '../../domain/dates/local-date.js';
import { POLICIES } from '../../domain/policy/registry.js';
import { answerOn } from '../../domain/questions/answer-on.js';
import { decide, rankRules } from '../../domain/questions/rank.js';

/**
 * The servers the chat benchmark compares, in one process so they share the machine alike: the real bot
 * (embedded database in the folder given, or PostgreSQL when given `--postgres <url> <schema>`; no
 * authentication, as `npm start` runs locally), a bare botbuilder echo bot on restify, and the same echo bot
 * replying with one of the real bot's answers (its card and text, captured at start): the ceiling for any bot
 * that must send that answer. A fourth binds that answer's card from its template for every reply
 * (adaptivecards-templating, as ours does) and works nothing else out: what binding alone costs. All reply through
 * the same loopback stand-in for the Bot Connector. A fifth server tells the process's CPU time so far, so the benchmark can charge each round's CPU to the bot it loaded.
 * Prints one JSON line with their URLs, then serves until killed.
 */
const CAPTURE_QUESTION = 'Camden: the last CIN review was on 10 June 2026. When is the next one due?';
const CAPTURED_AT = '2026-06-11T09:00:00Z';
const [where = '', databaseUrl = '', schema = ''] = process.argv.slice(2);
const database = where === '--postgres' ? { DATABASE_URL: databaseUrl } : { DATA_DIR: where };
const connector = await startConnectorStandIn({ keep: false });
const ours = await startBot(
  { PORT: '0', ...database, MicrosoftAppId: '', LOG_LEVEL: 'error', NODE_ENV: 'development' },
  { host: '127.0.0.1', ...(where === '--postgres' ? { schema } : {}) },
);
const echo = await startEchoBot((context) => ({ type: 'message', text: `echo: ${context.activity.text ?? ''}` }));
const answer = await oneAnswerOf(ours.url);
const cardEcho = await startEchoBot(() => answer);
const view = answerViewOf(CAPTURE_QUESTION);
const bindingEcho = await startEchoBot(() => ({ type: 'message', text: answerText(view), attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: answerCard(view) }] }));
const cpu = await startCpuClock();
// Killed by the benchmark at its end: exit normally, so that `node --cpu-prof` writes its profile.
process.on('SIGTERM', () => process.exit(0));
process.stdout.write(`${JSON.stringify({ ours: ours.url, echo, cardEcho, bindingEcho, cpu, serviceUrl: connector.serviceUrl })}\n`);

/** Answers every request with this process's CPU time so far (user and system, microseconds). */
async function startCpuClock(): Promise<string> {
  const server = createServer((_request, response) => {
    const { user, system } = process.cpuUsage();
    response.end(JSON.stringify({ microseconds: user + system }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * The view of the answer to `question` asked on the capture's date, worked out once as the bot works it out
 * (read, ranked, decided, counted), for the binding echo to bind again and again.
 */
function answerViewOf(question: string): AnswerView {
  const today = londonDateOf(new Date(CAPTURED_AT));
  const { authorityIds: [authorityId], question: read } = understand(question, today, POLICIES);
  const policy = POLICIES.find((candidate) => candidate.authority.id === authorityId);
  if (!policy) throw new Error('The capture question names no authority');
  const decision = decide(policy, rankRules(policy, read), read);
  const [rule] = decision.kind === 'answer' ? decision.rules : [];
  const answered = rule ? answerOn(policy, read, englandAndWalesCalendar(), rule) : undefined;
  if (decision.kind !== 'answer' || answered?.kind !== 'due-date') throw new Error('The capture question has no due date');
  return dueDateView(policy, answered, today, { understood: rule?.requires ?? '', alternatives: decision.alternatives, givenEvents: read.events, ...(read.anchorDate ? { anchorDate: read.anchorDate } : {}) });
}

/** The reply the bot sends to one date question, as the Connector receives it, without its ids. */
async function oneAnswerOf(botUrl: string): Promise<Partial<Activity>> {
  const capture = await startConnectorStandIn({ keep: true });
  try {
    const conversation = { conversationType: 'personal', tenantId: 'capture', id: 'a:capture' };
    const response = await fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', id: 'capture', timestamp: CAPTURED_AT, serviceUrl: capture.serviceUrl, channelId: 'msteams',
        from: { id: '29:capture', aadObjectId: '00000000-0000-4000-8000-00000000ca97' }, conversation, recipient: { id: '28:cin-assistant' },
        locale: 'en-GB', text: CAPTURE_QUESTION,
      }),
    });
    if (!response.ok) throw new Error(`The bot answered the capture question with ${response.status}`);
    const [reply] = capture.sentTo(conversation.id);
    if (!reply?.['attachments']) throw new Error('The bot sent no card to the capture question');
    // Only what a reply carries of its own; the Connector's ids and addresses are the echo bot's to fill in.
    const { id: _id, conversation: _conversation, from: _from, recipient: _recipient, replyToId: _replyToId, serviceUrl: _serviceUrl, ...own } = reply;
    return own as Partial<Activity>;
  } finally {
    await capture.close();
  }
}

async function startEchoBot(replyTo: (context: TurnContext) => Partial<Activity>): Promise<string> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const server = restify.createServer({ name: 'echo', log: restify.logger({ level: 'silent' }) });
  server.post('/api/messages', restify.plugins.jsonBodyParser({ maxBodySize: 262_144 }), async (request: Request, response: Response) => {
    // A bare echo bot as the samples write it: the body as restify parsed it, no checks of our own.
    const body = request.body as Record<string, unknown>;
    await adapter.process({ method: 'POST', headers: request.headers, body }, response, async (context: TurnContext) => {
      await context.sendActivity(replyTo(context));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
}

import { readFileSync } from 'node:fs';
import { startConnectorStandIn } from './connector-stand-in.js';
import { EvalQuestionSchema, missesOf, replyText, type EvalQuestion } from './expectations.js';

export interface EvalResult {
  readonly question: EvalQuestion;
  readonly reply: string;
  readonly misses: readonly string[];
}

export function loadQuestions(path: string): EvalQuestion[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => EvalQuestionSchema.parse(JSON.parse(line)));
}

/**
 * Asks each question of the bot at `botUrl` as Teams would: a personal-chat message activity posted to
 * /api/messages, its timestamp the question's `today`, each in a new conversation from a new user, with a
 * loopback stand-in for the Bot Connector receiving the replies.
 */
export async function runEval(botUrl: string, questions: readonly EvalQuestion[]): Promise<EvalResult[]> {
  const connector = await startConnectorStandIn();
  try {
    const results: EvalResult[] = [];
    for (const [index, question] of questions.entries()) {
      const conversationId = `a:eval-${index}-${question.id}`;
      const response = await fetch(`${botUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(teamsMessage(question, conversationId, index, connector.serviceUrl)),
      });
      if (!response.ok) {
        results.push({ question, reply: '', misses: [`the bot answered HTTP ${response.status}`] });
        continue;
      }
      const reply = replyText(connector.sentTo(conversationId));
      results.push({ question, reply, misses: missesOf(question, reply) });
    }
    return results;
  } finally {
    await connector.close();
  }
}

function teamsMessage(question: EvalQuestion, conversationId: string, index: number, serviceUrl: string) {
  const tenantId = '00000000-0000-4000-8000-00000000e7a1';
  return {
    type: 'message',
    id: `eval-${index}`,
    timestamp: question.today,
    localTimestamp: question.today,
    serviceUrl,
    channelId: 'msteams',
    from: { id: `29:eval-user-${index}`, name: 'Evaluation user', aadObjectId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}` },
    conversation: { conversationType: 'personal', tenantId, id: conversationId },
    recipient: { id: '28:cin-assistant', name: 'CiN Assistant' },
    textFormat: 'plain',
    locale: 'en-GB',
    text: question.text,
    entities: [{ type: 'clientInfo', locale: 'en-GB', country: 'GB', platform: 'Web', timezone: 'Europe/London' }],
    channelData: { tenant: { id: tenantId } },
  };
}

import { readFileSync } from 'node:fs';
import { startConnectorStandIn } from './connector-stand-in.js';
import { EvalQuestionSchema, replyText, sameRule, scoreReply, type EvalQuestion, type Scored } from './expectations.js';

export interface EvalResult extends Scored {
  readonly question: EvalQuestion;
  readonly reply: string;
}

/** Which part of a question file a question is in: 70% to design with, 30% only to measure on, by a fixed-seed hash of its id. */
export function partOf(questionId: string): 'design' | 'measure' {
  let hash = 0x811c9dc5;
  for (const character of `cin-eval-split-1:${questionId}`) {
    hash ^= character.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 100 < 70 ? 'design' : 'measure';
}

/** Correct, asked back and wrong among `results`, and how often an asked-back reply offered the right rule. */
export function tally(results: readonly EvalResult[]) {
  const count = (outcome: EvalResult['outcome']) => results.filter((result) => result.outcome === outcome).length;
  const askedWithRule = results.filter((result) => result.outcome === 'asked-back' && result.question.rule_id !== undefined && result.choices.length > 0);
  return {
    total: results.length,
    correct: count('correct'),
    askedBack: count('asked-back'),
    wrong: count('wrong'),
    choicesOffered: askedWithRule.length,
    rightRuleAmongChoices: askedWithRule.filter((result) => result.choices.some((choice) => sameRule(choice, result.question.rule_id ?? ''))).length,
  };
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
        results.push({ question, reply: '', outcome: 'asked-back', misses: [`the bot answered HTTP ${response.status}`], answered: [], choices: [] });
        continue;
      }
      const activities = connector.sentTo(conversationId);
      results.push({ question, reply: replyText(activities), ...scoreReply(question, activities) });
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

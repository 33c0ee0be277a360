import { z } from 'zod';
import { VERBS } from '../cards/verbs.js';
import type { Asker, Reply } from './ports.js';
import { askQuestion, type QuestionContext } from './handlers/ask-question.js';
import { compareAcrossAuthorities, listRules, setAuthority, welcome } from './handlers/commands.js';

interface MessageRequest {
  readonly text: string;
  readonly receivedAt: Date;
  readonly asker: Asker;
}

/** Typed commands, tried in order before the text is read as a question. */
export const MESSAGE_ROUTES: readonly {
  readonly pattern: RegExp;
  readonly handle: (match: RegExpExecArray, request: MessageRequest, context: QuestionContext) => Promise<Reply> | Reply;
}[] = [
  { pattern: /^(help|hi|hello|start|\?)$/i, handle: (_match, _request, context) => welcome(context.policies) },
  { pattern: /^what can (you|i) (ask|answer|do)\b/i, handle: (_match, _request, context) => welcome(context.policies) },
  { pattern: /^set (?:my )?authority(?: to)?\s+(.+)$/i, handle: (match, request, context) => setAuthority(match[1] ?? '', request.asker, context) },
  { pattern: /^rules\b(?:\s+(?:for\s+)?(.*))?$/i, handle: (match, request, context) => listRules(match[1] ?? '', request.asker, context) },
  { pattern: /^compare\b|\bacross (all )?(the )?(five )?authorities\b|\bevery authority\b|\beach authority\b/i, handle: (_match, request, context) => compareAcrossAuthorities(request.text, context) },
];

export const ChooseAuthoritySchema = z.object({ authorityId: z.string().min(1).max(80), question: z.string().max(2000).optional() });

/** Every card verb with the schema its data must meet and what it does. */
export const CARD_ROUTES = {
  [VERBS.chooseAuthority]: {
    schema: ChooseAuthoritySchema,
    handle: (data: z.infer<typeof ChooseAuthoritySchema>, request: Omit<MessageRequest, 'text'>, context: QuestionContext): Promise<Reply> => {
      const policy = context.policies.find((candidate) => candidate.authority.id === data.authorityId);
      if (!policy) return Promise.resolve({ messages: [{ text: 'That authority is not one I know.' }] });
      return askQuestion(policy.authority.name, request.receivedAt, request.asker, context);
    },
  },
} as const;

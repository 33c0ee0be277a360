import { describe, expect, it } from 'vitest';
import { closureApprovalCard } from '../../cards/closure-approval-card.js';
import { closureRequestCard } from '../../cards/closure-request-card.js';
import { VERBS } from '../../cards/verbs.js';
import { objectsIn, objectsOfType, problemsParsing, sizeInBytes, textsIn, type Json } from './card-queries.js';
import {
  approverViewOfRequest,
  otherViewOfRequest,
  refusedSloughClosureRequest,
  requesterViewOfReturned,
  returnRefusedWithoutComment,
  sloughClosureRequested,
  sloughClosureReturned,
} from './closure-sample-views.js';

const buttonsOf = (card: Json) => objectsOfType(card['body'], 'Action.Execute').map((action) => action['title']);

describe('closureRequestCard', () => {
  const card = closureRequestCard(refusedSloughClosureRequest);

  it('shows what the bot checked, the Slough plan too short, with its finding', () => {
    const texts = textsIn(card);
    expect(texts).toContain('In place since Tuesday 20 January 2026: long enough only on Monday 20 April 2026');
    expect(texts).toContain('Review or network meeting held: Monday 2 March 2026');
  });

  it('keeps the worker\u2019s ticks and offers the management rationale as the exception', () => {
    const [choices] = objectsOfType(card, 'Input.ChoiceSet');
    expect(choices?.['value']).toBe('slough.closure.records-complete,slough.closure.rationale-recorded');
    const values = (choices?.['choices'] as Json[]).map((choice) => choice['value']);
    expect(values).toContain('slough.closure.plan-in-place-three-months#alternative');
    expect(values).not.toContain('slough.closure.reviewed-first');
  });

  it('says beside the checklist what is still to do, and keeps Save and Send', () => {
    const texts = textsIn(card);
    const error = texts.find((text) => text.startsWith('Still to do:'));
    expect(error).toContain('The CIN Plan has been in place for at least three months');
    expect(buttonsOf(card)).toEqual(['Save', 'Send for approval']);
  });
});

describe('closureApprovalCard', () => {
  const approver = closureApprovalCard(approverViewOfRequest);
  const other = closureApprovalCard(otherViewOfRequest);
  const requester = closureApprovalCard(requesterViewOfReturned);

  it('refreshes for the requester and every approver, by the refresh verb', () => {
    expect(approver['refresh']).toEqual({
      action: { type: 'Action.Execute', title: 'Refresh', verb: VERBS.refreshClosure, data: { approvalId: sloughClosureRequested.id } },
      userIds: ['sam-object-id', 'manager-object-id', 'second-manager-object-id'],
    });
  });

  it('gives an approver Approve and Return, carrying the request, the case and the version shown', () => {
    expect(buttonsOf(approver)).toEqual(['Approve', 'Return']);
    const [approve] = objectsOfType(approver['body'], 'Action.Execute');
    expect(approve?.['data']).toEqual({ approvalId: sloughClosureRequested.id, caseReference: 'CIN-2026-0142', version: 2 });
    expect(objectsOfType(approver, 'Input.Text').map((input) => input['id'])).toEqual(['comment']);
  });

  it('shows anyone else the case reference and the status only: no checklist, no buttons but Refresh', () => {
    expect(buttonsOf(other)).toEqual(['Refresh']);
    expect(textsIn(other)).toEqual(['Closure requested:', ' CIN-2026-0142', "Waiting for a manager's decision"]);
  });

  it('shows the requester who returned it, when, and why', () => {
    const texts = textsIn(requester);
    expect(texts).toContain('Returned by Alex Manager on Tuesday 10 March 2026 at 14:05');
    expect(texts).toContain(sloughClosureReturned.comment);
    expect(buttonsOf(requester)).toEqual([]);
  });

  it('puts the reason a Return was refused beside the comment box', () => {
    const card = closureApprovalCard(returnRefusedWithoutComment);
    const items = objectsIn(card).find((object) => Array.isArray(object['items']) && (object['items'] as Json[]).some((item) => item['id'] === 'comment'));
    const afterComment = (items?.['items'] as Json[])[1];
    expect(textsIn(afterComment)).toEqual(['Say why you are returning it, so the worker knows what to put right.']);
  });

  it('parses as Adaptive Cards 1.5 and stays under 28 KB in every view', () => {
    for (const card of [approver, other, requester]) {
      expect(problemsParsing(card)).toEqual([]);
      expect(sizeInBytes(card)).toBeLessThan(28_000);
    }
  });
});

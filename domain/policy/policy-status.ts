import type { Policy } from './schema.js';

/** Why a rule is flagged for whoever checks the policy against a new version of its document. */
export type FlagReason = 'interpretation' | 'conflict';

export interface PolicyStatus {
  readonly authorityId: string;
  readonly authorityName: string;
  readonly file: string;
  /** The document's own date or version, as printed. */
  readonly version: string;
  readonly sha256: string;
  /** When a person last checked the rules against the document. */
  readonly checkedOn: string;
  readonly flagged: readonly { readonly ruleId: string; readonly reasons: readonly FlagReason[] }[];
}

/**
 * Each authority's document and the rules a person flagged while reading it: an ambiguous sentence read one way
 * (`interpretation`) or two figures for one thing (`conflictsWith`). Those are the first to look at again when
 * the document changes.
 */
export function policyStatuses(policies: readonly Policy[]): PolicyStatus[] {
  return policies.map((policy) => ({
    authorityId: policy.authority.id,
    authorityName: policy.authority.name,
    file: policy.source.file,
    version: policy.source.version,
    sha256: policy.source.sha256,
    checkedOn: policy.source.checkedOn,
    flagged: policy.rules.flatMap((rule) => {
      const reasons: FlagReason[] = [
        ...(rule.interpretation ? (['interpretation'] as const) : []),
        ...(rule.kind === 'timescale' && rule.conflictsWith ? (['conflict'] as const) : []),
      ];
      return reasons.length > 0 ? [{ ruleId: rule.id, reasons }] : [];
    }),
  }));
}

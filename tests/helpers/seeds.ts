import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The procedures the policy files cite: POLICY_SOURCES names their folder, else `../shared/seeds` beside the
 * project root (every developer's machine and CI have it; a bare clone does not).
 */
export const POLICY_SOURCES = resolve(process.env.POLICY_SOURCES ?? '../shared/seeds');

/**
 * Why tests that read the procedures cannot run here, or undefined when they can. In CI the folder must be
 * there: a missing one fails the run instead of passing quietly with no citation checked.
 */
export function policySourcesMissing(): string | undefined {
  if (existsSync(POLICY_SOURCES)) return undefined;
  if (process.env.CI) throw new Error(`CI needs the procedures at ${POLICY_SOURCES} (set POLICY_SOURCES)`);
  return `the procedures are not at ${POLICY_SOURCES}: set POLICY_SOURCES to check citations against them`;
}

export function seedText(file: string): string {
  return readFileSync(resolve(POLICY_SOURCES, file), 'utf8');
}

/** Collapses runs of whitespace so a quote matches however the extracted text wrapped it. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}


import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** shared/ sits beside the project root, on every developer's machine and in CI. */
export const SHARED_DIR = fileURLToPath(new URL('../../../shared/', import.meta.url));

export function seedText(file: string): string {
  return readFileSync(`${SHARED_DIR}seeds/${file}`, 'utf8');
}

/** Collapses runs of whitespace so a quote matches however the extracted text wrapped it. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Why tests that read ../shared/seeds are skipped here, or undefined when they run: the folder is absent outside
 * CI. In CI (CI=true) they always run, so a missing folder fails them instead of hiding them.
 */
export const SEEDS_SKIP_REASON: string | undefined =
  existsSync(`${SHARED_DIR}seeds`) || process.env.CI === 'true' ? undefined : `skipped: ${SHARED_DIR}seeds is absent (it sits beside the project in CI and on developers' machines)`;

import { readFileSync } from 'node:fs';
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

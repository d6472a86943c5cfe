import { readFileSync } from 'node:fs';

/**
 * Reads the reply instructions that `generate_sentences` returns as `prompt` (ERNIE hands the
 * field to the model). They live in a file so they can be tuned without touching code. Throws at
 * start-up when the file is missing or blank.
 */
export function loadPrompt(file: string | URL): string {
  const prompt = readFileSync(file, 'utf8').trim();
  if (prompt === '') throw new Error(`${String(file)} is empty: it holds the \`prompt\` text`);
  return prompt;
}

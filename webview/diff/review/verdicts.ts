import type { ReviewVerdict } from '../../../src/protocol/diffPanelMessages';

/** A verdict as the panel offers it: its key, its words, and a short tag for the list. */
export interface VerdictChoice {
  readonly verdict: ReviewVerdict;
  readonly key: string;
  readonly label: string;
  readonly tag: string;
}

/** The four verdicts, keys 1–4. */
export const VERDICT_CHOICES: readonly VerdictChoice[] = [
  { verdict: 'error-a', key: '1', label: 'Error in A', tag: 'A wrong' },
  { verdict: 'error-b', key: '2', label: 'Error in B', tag: 'B wrong' },
  { verdict: 'convention', key: '3', label: 'Convention difference', tag: 'convention' },
  { verdict: 'fine', key: '4', label: 'Fine', tag: 'fine' },
];

/** The verdict of a key press (1–4), if any. */
export function verdictOfKey(key: string): ReviewVerdict | undefined {
  return VERDICT_CHOICES.find((c) => c.key === key)?.verdict;
}

/** The words for a verdict. */
export function verdictLabel(verdict: ReviewVerdict): string {
  return VERDICT_CHOICES.find((c) => c.verdict === verdict)?.label ?? verdict;
}

/** The list tag of a verdict. */
export function verdictTag(verdict: ReviewVerdict): string {
  return VERDICT_CHOICES.find((c) => c.verdict === verdict)?.tag ?? verdict;
}

import type { RootCauseMethod } from '../../audit-words';

export const CAUSE_CATEGORIES = ['People', 'Process', 'Technology', 'Environment'] as const;
export const WHY_COUNT = 5;

/** The structured parts of a root cause: five answers to "Why?", or one text per cause category. */
export interface RootCauseParts {
  whys: string[];
  categories: Record<(typeof CAUSE_CATEGORIES)[number], string>;
  other: string;
}

export const METHOD_WORDS: Record<RootCauseMethod, string> = {
  FIVE_WHYS: 'Five whys',
  CAUSE_CATEGORIES: 'Cause categories',
  OTHER: 'Other',
};

function emptyCategories(): RootCauseParts['categories'] {
  return { People: '', Process: '', Technology: '', Environment: '' };
}

/** Reads the rootCause text back into the inputs of its method (text that does not fit lands in the first input). */
export function parseRootCause(method: RootCauseMethod, text: string): RootCauseParts {
  const parts: RootCauseParts = { whys: Array.from({ length: WHY_COUNT }, () => ''), categories: emptyCategories(), other: text };
  const lines = text.split('\n');
  if (method === 'FIVE_WHYS') {
    const matched = lines.map((line) => /^\s*(\d)\.\s*(?:Why\?\s*)?(.*)$/.exec(line));
    if (text.trim() && matched.every((m) => m && Number(m[1]) >= 1 && Number(m[1]) <= WHY_COUNT)) {
      for (const m of matched) parts.whys[Number(m![1]) - 1] = m![2]!.trim();
    } else parts.whys[0] = text;
  } else if (method === 'CAUSE_CATEGORIES') {
    const matched = lines.map((line) => /^\s*(People|Process|Technology|Environment):\s*(.*)$/.exec(line));
    if (text.trim() && matched.every((m) => m)) {
      for (const m of matched) parts.categories[m![1] as keyof RootCauseParts['categories']] = m![2]!.trim();
    } else parts.categories.People = text;
  }
  return parts;
}

/** The rootCause text the server stores: the method's inputs joined, one per line, empty ones left out. */
export function joinRootCause(method: RootCauseMethod, parts: RootCauseParts): string {
  if (method === 'FIVE_WHYS') {
    return parts.whys
      .map((why, i) => (why.trim() ? `${i + 1}. Why? ${why.trim().replace(/\n+/g, ' ')}` : ''))
      .filter(Boolean)
      .join('\n');
  }
  if (method === 'CAUSE_CATEGORIES') {
    return CAUSE_CATEGORIES.map((c) => (parts.categories[c].trim() ? `${c}: ${parts.categories[c].trim().replace(/\n+/g, ' ')}` : ''))
      .filter(Boolean)
      .join('\n');
  }
  return parts.other.trim();
}

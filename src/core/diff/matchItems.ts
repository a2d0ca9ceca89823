import type { ItemMatching } from './diffTypes';

/** How many unmatched ids of a side the matching lists by name. */
const EXAMPLES = 5;

/** A's and B's items paired: [A id, B id] in A's order, how they were paired, and ids left unpaired because the pairing was ambiguous. */
export interface ItemPairs {
  readonly pairs: ReadonlyArray<readonly [string, string]>;
  readonly matching: ItemMatching;
  /** A ids that share a number with more than one id of the other side; each with a sentence naming the candidates. */
  readonly ambiguous: ReadonlyArray<{ readonly id: string; readonly reason: string }>;
}

/**
 * Pairs A's item ids with B's: identical ids first; then, among the ids left over, ids whose last part is the same
 * number once leading zeros are dropped ("000012" ↔ "12", "test/0001" ↔ "test/1": the split prefix must agree).
 * Two candidates for one number are reported, never guessed.
 */
export function matchItems(aIds: readonly string[], bIds: readonly string[]): ItemPairs {
  const bSet = new Set(bIds);
  const partner = new Map<string, string>();
  for (const id of aIds) if (bSet.has(id)) partner.set(id, id);
  const usedB = new Set(partner.values());
  const restA = aIds.filter((id) => !partner.has(id));
  const restB = bIds.filter((id) => !usedB.has(id));
  const byNumber = pairByNumber(restA, restB);
  for (const [a, b] of byNumber.pairs) {
    partner.set(a, b);
    usedB.add(b);
  }
  const onlyA = aIds.filter((id) => !partner.has(id));
  const onlyB = bIds.filter((id) => !usedB.has(id));
  return {
    pairs: aIds.flatMap((id) => (partner.has(id) ? [[id, partner.get(id)!] as const] : [])),
    matching: {
      rule: byNumber.pairs.length > 0 ? 'number' : 'id',
      matched: partner.size,
      onlyA: { count: onlyA.length, examples: onlyA.slice(0, EXAMPLES) },
      onlyB: { count: onlyB.length, examples: onlyB.slice(0, EXAMPLES) },
    },
    ambiguous: byNumber.ambiguous,
  };
}

/** The id with its last part's leading zeros dropped, when that part is all digits ("test/0012" → "test/12"); else undefined. */
export function numberKey(id: string): string | undefined {
  const slash = id.lastIndexOf('/');
  const stem = id.slice(slash + 1);
  if (!/^\d+$/.test(stem)) return undefined;
  return `${id.slice(0, slash + 1)}${stem.replace(/^0+(?=\d)/, '')}`;
}

function pairByNumber(aIds: readonly string[], bIds: readonly string[]): Pick<ItemPairs, 'pairs' | 'ambiguous'> {
  if (aIds.length === 0 || bIds.length === 0) return { pairs: [], ambiguous: [] };
  const groupA = groupByNumber(aIds);
  const groupB = groupByNumber(bIds);
  const pairs: Array<readonly [string, string]> = [];
  const ambiguous: Array<{ id: string; reason: string }> = [];
  for (const [key, as] of groupA) {
    const bs = groupB.get(key);
    if (!bs) continue;
    if (as.length === 1 && bs.length === 1) {
      pairs.push([as[0], bs[0]]);
      continue;
    }
    const reason = `ids ${list(as)} of A and ${list(bs)} of B are all the number ${key}; not paired (rename the files so that one id of each side remains)`;
    for (const id of as) ambiguous.push({ id, reason });
  }
  return { pairs, ambiguous };
}

function groupByNumber(ids: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const key = numberKey(id);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(id);
    else groups.set(key, [id]);
  }
  return groups;
}

function list(ids: readonly string[]): string {
  return ids.map((id) => `"${id}"`).join(', ');
}

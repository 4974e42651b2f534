/**
 * The candidate closest to `word` by edit distance (two swapped neighbouring characters count as
 * one edit, like one wrong character), when close enough to be a likely typo: fewer edits than
 * `max(2, ⌊length / 3⌋) + 1`. The first candidate wins a tie.
 */
export function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

// Optimal string alignment distance in UTF-16 units (Levenshtein with adjacent transpositions,
// each substring edited once): `feilds` is one edit from `fields` and two from `files`.
function editDistance(a: string, b: string): number {
  let twoAbove: number[] = [];
  let above = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const same = a[i - 1] === b[j - 1];
      let d = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + (same ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (twoAbove[j - 2] ?? 0) + 1);
      row.push(d);
    }
    twoAbove = above;
    above = row;
  }
  return above[b.length] ?? 0;
}

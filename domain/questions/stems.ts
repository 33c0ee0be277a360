/** Words that say nothing about which rule is meant. */
const STOP_WORDS = new Set([
  'when', 'what', 'which', 'where', 'does', 'should', 'must', 'would', 'could', 'will', 'have', 'with', 'from', 'that', 'this',
  'there', 'their', 'they', 'them', 'been', 'being', 'after', 'before', 'into', 'each', 'every', 'within', 'days', 'working',
  'weeks', 'months', 'date', 'deadline', 'child', 'children', 'family', 'plan', 'need', 'needs', 'case', 'your', 'about', 'much',
]);

/** Content words cut to five letters ("reviews", "reviewed" and "review" meet). */
export function stemsOf(text: string): string[] {
  return text
    .split(/[^a-z]+/)
    .filter((word) => word.length >= 4 && !STOP_WORDS.has(word))
    .map((word) => word.slice(0, 5));
}

/**
 * Render counts of the board's heavy parts, so an end-to-end test can prove a drag re-renders only
 * the lanes it enters or leaves (tests/e2e/board.spec.ts). An integer increment per render
 * costs nothing measurable; the counts are readable only under automation (navigator.webdriver).
 */
export type RenderCounts = { lanes: number; cards: number; backlogGroups: number };

const counts: RenderCounts = { lanes: 0, cards: 0, backlogGroups: 0 };

export function counted(part: keyof RenderCounts): void {
  counts[part]++;
}

if (typeof navigator !== 'undefined' && navigator.webdriver) {
  (globalThis as unknown as { __rungsRenders: RenderCounts }).__rungsRenders = counts;
}

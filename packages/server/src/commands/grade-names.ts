/**
 * One name per grade tier across schemes: a county scheme says 优秀, the national one 优 (each lists the
 * other as an alias), so a region's 等级分布 counts them as one slice and a filter by 优秀 finds both.
 * @module
 */

/** Tier name by every name a scheme uses for it (names and aliases of `schemes/*.json`). */
const TIERS: Readonly<Record<string, string>> = {
  优: '优秀', 优秀: '优秀',
  良: '良好', 良好: '良好',
  中: '中等', 中等: '中等', 合格: '中等', 较差: '中等',
  差: '差', 不合格: '差',
};

export const gradeTier = (grade: string): string => TIERS[grade] ?? grade;

/** Every stored name of a tier (for a filter): 优秀 → 优, 优秀. */
export const gradeNamesOf = (tier: string): string[] => {
  const names = Object.entries(TIERS).filter(([, t]) => t === gradeTier(tier)).map(([name]) => name);
  return names.length > 0 ? names : [tier];
};

/** Counts by tier, in the order the tiers first appear. */
export function mergeGrades(list: readonly { grade: string; count: number }[]): { grade: string; count: number }[] {
  const out = new Map<string, number>();
  for (const g of list) out.set(gradeTier(g.grade), (out.get(gradeTier(g.grade)) ?? 0) + g.count);
  return [...out].map(([grade, count]) => ({ grade, count }));
}

import type { RegionLevel } from '@jianbao/contracts';

const RANK: Readonly<Record<RegionLevel, number>> = { province: 1, prefecture: 2, county: 3 };

/**
 * Why `child` may not sit under `parent`, or null when it may. Provinces are roots; anything else sits
 * under a strictly higher level (a county directly under a province is fine: 省直辖县).
 */
export function parentLevelProblem(child: RegionLevel, parent: RegionLevel | null): string | null {
  if (parent === null) return child === 'province' ? null : `a ${child} needs a parent region`;
  if (child === 'province') return 'a province cannot have a parent region';
  return RANK[parent] < RANK[child] ? null : `a ${child} cannot sit under a ${parent}`;
}

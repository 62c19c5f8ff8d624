import type { RegionLevel } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import { ReadQueries } from '../database/read-queries';

/** A region as the directory holds it (the `region` row). */
export interface RegionRecord {
  id: number;
  code: string;
  name: string;
  level: RegionLevel;
  parentId: number | null;
}

interface Directory {
  byId: Map<number, RegionRecord>;
  children: Map<number, number[]>;
}

interface RegionRow {
  id: number;
  code: string;
  name: string;
  level: RegionLevel;
  parent_id: number | null;
}

/**
 * The region table held in memory (China's divisions down to counties: a few thousand rows), for the
 * paths and subtrees every clipping view and region-filtered list needs, instead of a recursive query
 * each time. Region writes in this process drop it once committed (see RegionsService and the start-up
 * seeding); an id it does not know reloads it at once; otherwise it is re-read after {@link TTL_MS},
 * so that another process's edits (PostgreSQL with several servers) show within that time.
 */
@Injectable()
export class RegionDirectory {
  static readonly TTL_MS = 30_000;
  static readonly MISS_RELOAD_MS = 1_000;
  private current: { directory: Promise<Directory>; loadedAt: number } | null = null;

  constructor(private readonly read: ReadQueries) {}

  /** Forget the table: the next use reads it again (call after a region write has committed). */
  invalidate(): void {
    this.current = null;
  }

  /** The regions with these ids and all their ancestors, by id (unknown ids are left out). */
  async withAncestors(ids: Iterable<number>): Promise<ReadonlyMap<number, RegionRecord>> {
    const wanted = [...ids];
    const directory = await this.directory(wanted);
    const out = new Map<number, RegionRecord>();
    for (const id of wanted) {
      for (let r = directory.byId.get(id); r && !out.has(r.id);) {
        out.set(r.id, r);
        r = r.parentId === null ? undefined : directory.byId.get(r.parentId);
      }
    }
    return out;
  }

  /** The region and all its descendants (just `[id]` for an unknown id, which matches nothing). */
  async subtreeIds(id: number): Promise<number[]> {
    const directory = await this.directory([id]);
    if (!directory.byId.has(id)) return [id];
    const out: number[] = [];
    const seen = new Set<number>();
    for (const stack = [id]; stack.length > 0;) {
      const next = stack.pop() as number;
      if (seen.has(next)) continue;
      seen.add(next);
      out.push(next);
      stack.push(...(directory.children.get(next) ?? []));
    }
    return out;
  }

  /** The directory, read again when stale or when it lacks one of `needed`. */
  private async directory(needed: number[]): Promise<Directory> {
    const now = Date.now();
    if (!this.current || now - this.current.loadedAt > RegionDirectory.TTL_MS) this.reload(now);
    const current = this.current as { directory: Promise<Directory> };
    const directory = await current.directory;
    if (needed.every((id) => directory.byId.has(id))) return directory;
    // Unknown ids: a region added since, or an id that does not exist — read again, at most once a second.
    if (
      this.current === current &&
      Date.now() - (this.current?.loadedAt ?? 0) >= RegionDirectory.MISS_RELOAD_MS
    )
      this.reload(Date.now());
    return (this.current as { directory: Promise<Directory> }).directory;
  }

  private reload(now: number): void {
    const directory = this.load();
    const entry = { directory, loadedAt: now };
    this.current = entry;
    directory.catch(() => {
      if (this.current === entry) this.current = null;
    });
  }

  private async load(): Promise<Directory> {
    const rows = await this.read.all<RegionRow>('SELECT id, code, name, level, parent_id FROM region', []);
    const byId = new Map<number, RegionRecord>();
    const children = new Map<number, number[]>();
    for (const r of rows) {
      const region = {
        id: Number(r.id),
        code: r.code,
        name: r.name,
        level: r.level,
        parentId: r.parent_id === null ? null : Number(r.parent_id),
      };
      byId.set(region.id, region);
      if (region.parentId !== null) {
        const list = children.get(region.parentId) ?? [];
        list.push(region.id);
        children.set(region.parentId, list);
      }
    }
    return { byId, children };
  }
}

/** Ancestor names from the province down, excluding the region itself; `byId` must hold the ancestors. */
export function regionPath(region: RegionRecord, byId: ReadonlyMap<number, RegionRecord>): string[] {
  const path: string[] = [];
  const seen = new Set<number>([region.id]);
  let parentId = region.parentId;
  while (parentId !== null && !seen.has(parentId)) {
    const parent = byId.get(parentId);
    if (!parent) break;
    path.unshift(parent.name);
    seen.add(parent.id);
    parentId = parent.parentId;
  }
  return path;
}

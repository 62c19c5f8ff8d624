import type { Dashboard, DashboardRegionBucket, WorkQueues } from '@jianbao/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { RegionDirectory } from '../catalog/region-directory';
import { ClippingCounts } from '../clippings/read/clipping-counts';
import { ContinuationsService } from '../continuations/continuations.service';
import { ReadQueries } from '../database/read-queries';
import { StoryGroupsService } from '../stories/story-groups.service';
import { perWeek, windowStart } from './dashboard-buckets';
import type { DashboardQueryDto } from './dto/dashboard.query';

/** Days in the per-day window when the query names none. */
export const DEFAULT_DAYS = 90;

/**
 * The landing page: grouped counts over indexed columns (no clipping row is read into memory), the
 * per-day ones over a bounded window ending on the latest issue date.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly counts: ClippingCounts,
    private readonly regions: RegionDirectory,
    private readonly continuations: ContinuationsService,
    private readonly stories: StoryGroupsService,
    private readonly read: ReadQueries,
  ) {}

  async dashboard(query: DashboardQueryDto): Promise<Dashboard> {
    const days = query.days ?? DEFAULT_DAYS;
    const regionId = query.regionId ?? null;
    const regionPath = regionId === null ? [] : await this.pathOf(regionId);
    const { total, lastIssueDate } = await this.counts.overall();
    const perDay =
      lastIssueDate === null
        ? []
        : await this.counts.perIssueDate(windowStart(lastIssueDate, days), lastIssueDate);
    const [perPublication, perRegion, perTopic, queues] = await Promise.all([
      this.counts.perPublication(),
      this.perRegion(regionId),
      this.counts.perTopic(),
      this.queues(),
    ]);
    return {
      total,
      lastIssueDate,
      days,
      perDay: perDay.map((d) => ({ key: d.date, label: d.date, count: d.count })),
      perWeek: perWeek(perDay),
      perPublication: perPublication.map((p) => ({ key: String(p.id), label: p.name, count: p.count })),
      perRegion,
      regionPath,
      perTopic: perTopic.map((t) => ({ key: String(t.id), label: t.name, count: t.count })),
      queues,
    };
  }

  /** The work queues alone (the navigation's counts). */
  async queues(): Promise<WorkQueues> {
    const [columns, proposed, sameStory, unassignedImports] = await Promise.all([
      this.counts.queues(),
      this.continuations.proposedLinks(),
      this.stories.proposedCount(),
      this.unassignedImports(),
    ]);
    return {
      ...columns,
      proposedLinks: proposed.count,
      firstProposedClippingId: proposed.firstHeadId,
      sameStory,
      unassignedImports,
    };
  }

  /**
   * Filed pages whose unassigned lines wait for review (written by the imports layer above, in the
   * filing's transaction): a count over the partial index `ix_import_unassigned_waiting`, no scan.
   */
  private async unassignedImports(): Promise<number> {
    const rows = await this.read.all<{ n: number | string }>(
      'SELECT COUNT(*) AS n FROM import_unassigned WHERE line_count > 0 AND reviewed_at IS NULL',
      [],
    );
    return Number(rows[0]?.n ?? 0);
  }

  private async pathOf(regionId: number): Promise<{ id: number; name: string }[]> {
    const records = await this.regions.withAncestors([regionId]);
    if (!records.has(regionId)) throw new NotFoundException(`Region ${regionId} not found`);
    const path: { id: number; name: string }[] = [];
    for (let r = records.get(regionId); r; r = r.parentId === null ? undefined : records.get(r.parentId)) {
      path.unshift({ id: r.id, name: r.name });
    }
    return path;
  }

  private async perRegion(parentId: number | null): Promise<DashboardRegionBucket[]> {
    const counts = await this.counts.ofRegionSubtrees(parentId);
    const records = await this.regions.withAncestors(counts.keys());
    return [...counts.entries()]
      .flatMap(([id, count]) => {
        const r = records.get(id);
        return r ? [{ key: String(id), label: r.name, count, drillable: r.level !== 'county' }] : [];
      })
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh-CN'));
  }
}

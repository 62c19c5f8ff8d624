import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { Router, RouterLink } from '@angular/router';
import type { Dashboard, DashboardBucket } from '@jianbao/contracts';
import { AuthService } from '../../auth/auth.service';
import { type ErrorText, describeApiError, toApiError } from '../../shared/api-error';
import { I18n } from '../../shared/i18n/i18n';
import { BarChart } from '../bar-chart/bar-chart';
import { DashboardApi } from '../dashboard-api';
import { type DashboardChart, type DeskLink, WORK_QUEUES, barLink } from '../dashboard-links';

/**
 * `/dashboard?regionId=`: the landing page. Clippings per issue day or week, publication, region
 * (drilled down through `regionId`) and topic, each bar opening the filtered list; the work queues;
 * on an empty archive, what to do first.
 */
@Component({
  selector: 'jb-dashboard-page',
  imports: [RouterLink, NgTemplateOutlet, BarChart],
  templateUrl: './dashboard-page.html',
  styleUrl: './dashboard-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPage {
  private readonly api = inject(DashboardApi);
  private readonly router = inject(Router);
  protected readonly t = inject(I18n).t;
  protected readonly auth = inject(AuthService);

  /** Query parameter (bound by the router): the region whose children the region chart shows. */
  readonly regionId = input<string>();

  protected readonly data = signal<Dashboard | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<ErrorText | null>(null);
  protected readonly byWeek = signal(false);
  protected readonly queues = WORK_QUEUES;

  protected readonly timeBuckets = computed(() => {
    const d = this.data();
    return d === null ? [] : this.byWeek() ? d.perWeek : d.perDay;
  });
  protected readonly drillable = computed(() => (this.data()?.perRegion ?? []).filter((r) => r.drillable));

  constructor() {
    effect(() => {
      const id = Number(this.regionId());
      untracked(() => this.load(Number.isInteger(id) && id > 0 ? id : undefined));
    });
  }

  protected queueLink(key: (typeof WORK_QUEUES)[number]): DeskLink | null {
    const d = this.data();
    return d === null ? null : key.link(d.queues);
  }

  protected open(chart: DashboardChart, bucket: DashboardBucket): void {
    const link = barLink(chart, bucket);
    void this.router.navigate([link.path], { queryParams: link.queryParams });
  }

  protected link(chart: DashboardChart, bucket: DashboardBucket): DeskLink {
    return barLink(chart, bucket);
  }

  protected drill(regionId: number | null): void {
    void this.router.navigate([], { queryParams: { regionId: regionId ?? null } });
  }

  private load(regionId: number | undefined): void {
    this.loading.set(true);
    this.api.dashboard(regionId === undefined ? {} : { regionId }).subscribe({
      next: (d) => {
        this.data.set(d);
        this.error.set(null);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.error.set(describeApiError(toApiError(err)));
        this.loading.set(false);
      },
    });
  }
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import type { Dashboard, DashboardQuery, ImportBin, Page, WorkQueues } from '@jianbao/contracts';
import { type Observable, tap } from 'rxjs';
import { compactParams } from '../shared/list-response';

/** Typed calls of the dashboard endpoints. */
@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly http = inject(HttpClient);
  private readonly latest = signal<WorkQueues | null>(null);
  /** The queue counts last read (by the dashboard or the navigation), null before the first or after a failure. */
  readonly queueCounts = this.latest.asReadonly();

  /** The dashboard, whose queue counts also refresh {@link queueCounts} (the navigation need not ask again). */
  dashboard(query: DashboardQuery = {}): Observable<Dashboard> {
    return this.http
      .get<Dashboard>('/api/dashboard', { params: compactParams({ ...query }) })
      .pipe(tap((d) => this.latest.set(d.queues)));
  }

  /** Reads the queue counts again into {@link queueCounts}. */
  refreshQueues(): void {
    this.http.get<WorkQueues>('/api/dashboard/queues').subscribe({
      next: (q) => this.latest.set(q),
      // The counts are a convenience: without them the navigation shows none.
      error: () => this.latest.set(null),
    });
  }

  /** Filed pages whose unassigned lines wait for review, newest filing first (a work queue's page). */
  unassignedImports(page: number, pageSize: number): Observable<Page<ImportBin>> {
    return this.http.get<Page<ImportBin>>('/api/imports/unassigned', { params: { page, pageSize } });
  }

  /** Marks a page's unassigned lines reviewed (404: no such page; 409: reviewed already). */
  markUnassignedReviewed(importId: number): Observable<ImportBin> {
    return this.http.post<ImportBin>(`/api/imports/${importId}/unassigned/review`, {});
  }
}

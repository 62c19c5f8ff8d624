import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Dashboard, DashboardQuery, WorkQueues } from '@jianbao/contracts';
import type { Observable } from 'rxjs';
import { compactParams } from '../shared/list-response';

/** Typed calls of the dashboard endpoints. */
@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly http = inject(HttpClient);

  dashboard(query: DashboardQuery = {}): Observable<Dashboard> {
    return this.http.get<Dashboard>('/api/dashboard', { params: compactParams({ ...query }) });
  }

  queues(): Observable<WorkQueues> {
    return this.http.get<WorkQueues>('/api/dashboard/queues');
  }
}

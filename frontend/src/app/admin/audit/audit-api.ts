import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditEvent, Page } from '@jianbao/contracts';
import type { Observable } from 'rxjs';
import { compactParams } from '../../shared/list-response';

export interface AuditQuery {
  page: number;
  pageSize: number;
  action?: string;
}

/** `GET /api/audit` (admin only): logins, user changes and deletions, newest first. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(query: AuditQuery): Observable<Page<AuditEvent>> {
    return this.http.get<Page<AuditEvent>>('/api/audit', { params: compactParams(query) });
  }
}

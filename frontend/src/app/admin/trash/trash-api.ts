import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { BulkRestoreResult, Page, RestoredClipping, TrashItem } from '@jianbao/contracts';
import { Observable } from 'rxjs';

const BASE = '/api/trash';

/** Typed calls of `/api/trash` (admins): deleted clippings wait there until restored or purged. */
@Injectable({ providedIn: 'root' })
export class TrashApi {
  private readonly http = inject(HttpClient);

  list(page: number, pageSize: number): Observable<Page<TrashItem>> {
    return this.http.get<Page<TrashItem>>(BASE, { params: { page, pageSize } });
  }

  /** Puts the clipping back; the answer names the live clippings it duplicates. */
  restore(id: number): Observable<RestoredClipping> {
    return this.http.post<RestoredClipping>(`${BASE}/${id}/restore`, {});
  }

  /** Puts several items back in one transaction: all of them, or none (409 naming each item's problem). */
  restoreMany(ids: number[]): Observable<BulkRestoreResult> {
    return this.http.post<BulkRestoreResult>(`${BASE}/restore`, { ids });
  }

  /** Delete one item for good. */
  purge(id: number): Observable<unknown> {
    return this.http.delete(`${BASE}/${id}`);
  }

  /** Delete everything in the trash for good. */
  empty(): Observable<{ purged: number }> {
    return this.http.delete<{ purged: number }>(BASE);
  }
}

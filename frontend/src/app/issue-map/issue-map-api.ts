import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { IssueMap } from '@jianbao/contracts';
import type { Observable } from 'rxjs';

/** Typed call of `/api/issues/:publicationId/:date`. */
@Injectable({ providedIn: 'root' })
export class IssueMapApi {
  private readonly http = inject(HttpClient);

  get(publicationId: number, date: string): Observable<IssueMap> {
    return this.http.get<IssueMap>(`/api/issues/${publicationId}/${encodeURIComponent(date)}`);
  }
}

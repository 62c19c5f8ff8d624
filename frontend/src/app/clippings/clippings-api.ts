import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  BulkEditBody,
  BulkEditResult,
  Clipping,
  ClippingRevision,
  CreateClippingBody,
  KeywordSuggestion,
  CountedPage,
  ListClippingsQuery,
  RestoreRevisionBody,
  SameStory,
  UpdateClippingBody,
} from '@jianbao/contracts';
import { Observable } from 'rxjs';
import { compactParams } from '../shared/list-response';

const BASE = '/api/clippings';

/** Typed calls of `/api/clippings`. */
@Injectable({ providedIn: 'root' })
export class ClippingsApi {
  private readonly http = inject(HttpClient);

  list(query: ListClippingsQuery): Observable<CountedPage<Clipping>> {
    return this.http.get<CountedPage<Clipping>>(BASE, { params: compactParams(query) });
  }

  get(id: number): Observable<Clipping> {
    return this.http.get<Clipping>(`${BASE}/${id}`);
  }

  create(body: CreateClippingBody): Observable<Clipping> {
    return this.http.post<Clipping>(BASE, body);
  }

  /** Send `version` in the body: a stale one is refused with 409. */
  update(id: number, body: UpdateClippingBody): Observable<Clipping> {
    return this.http.patch<Clipping>(`${BASE}/${id}`, body);
  }

  /** Every recorded change of one clipping, newest first. */
  history(id: number): Observable<ClippingRevision[]> {
    return this.http.get<ClippingRevision[]>(`${BASE}/${id}/history`);
  }

  /** Bring back an earlier revision (recorded as a new one); a stale `currentVersion` is refused with 409. */
  restore(id: number, body: RestoreRevisionBody): Observable<Clipping> {
    return this.http.post<Clipping>(`${BASE}/${id}/restore`, body);
  }

  /** Moves the clipping to the trash (admins). */
  remove(id: number): Observable<void> {
    return this.http.delete<void>(`${BASE}/${id}`);
  }

  /** Topic keyword suggestions for one clipping. */
  keywords(id: number): Observable<KeywordSuggestion[]> {
    return this.http.get<KeywordSuggestion[]>(`${BASE}/${id}/keywords`);
  }

  /** Other clippings of the same wire story. */
  stories(id: number): Observable<SameStory[]> {
    return this.http.get<SameStory[]>(`${BASE}/${id}/stories`);
  }

  /** Edit many clippings (explicit ids or everything matching a filter); `dryRun` only counts. */
  bulk(body: BulkEditBody): Observable<BulkEditResult> {
    return this.http.post<BulkEditResult>(`${BASE}/bulk`, body);
  }
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Clipping,
  ContinuationView,
  ListClippingsQuery,
  Page,
  SetContinuationBody,
  WaitingPart,
} from '@jianbao/contracts';
import { Observable, map } from 'rxjs';
import { compactParams, itemsOf } from '../shared/list-response';

/** Filters of `GET /api/continuations/waiting`. */
export interface WaitingQuery {
  publicationId?: number | null;
  from?: string | null;
  to?: string | null;
}

/** Typed calls of the continued-article endpoints. */
@Injectable({ providedIn: 'root' })
export class ContinuationsApi {
  private readonly http = inject(HttpClient);

  waiting(query: WaitingQuery): Observable<WaitingPart[]> {
    return this.http
      .get<WaitingPart[] | Page<WaitingPart>>('/api/continuations/waiting', { params: compactParams(query) })
      .pipe(map(itemsOf));
  }

  view(clippingId: number): Observable<ContinuationView> {
    return this.http.get<ContinuationView>(`/api/clippings/${clippingId}/continuation`);
  }

  /** 409 on a cycle or a clash with another link, 400 across publications. */
  set(clippingId: number, body: SetContinuationBody): Observable<ContinuationView> {
    return this.http.put<ContinuationView>(`/api/clippings/${clippingId}/continuation`, body);
  }

  /** Answers the continuation view of the suggestion's tail. */
  accept(suggestionId: number): Observable<ContinuationView> {
    return this.http.post<ContinuationView>(`/api/continuations/suggestions/${suggestionId}/accept`, {});
  }

  reject(suggestionId: number): Observable<ContinuationView> {
    return this.http.post<ContinuationView>(`/api/continuations/suggestions/${suggestionId}/reject`, {});
  }

  /** The clipping whose chain is edited (for its publication). */
  clipping(id: number): Observable<Clipping> {
    return this.http.get<Clipping>(`/api/clippings/${id}`);
  }

  /** Clippings a part could be linked to: the clipping list, filtered. */
  candidates(query: ListClippingsQuery): Observable<Page<Clipping>> {
    return this.http.get<Page<Clipping>>('/api/clippings', { params: compactParams(query) });
  }
}

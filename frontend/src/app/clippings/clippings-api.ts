import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Clipping,
  CreateClippingBody,
  ListClippingsQuery,
  Page,
  UpdateClippingBody,
} from '@jianbao/contracts';
import { Observable } from 'rxjs';
import { compactParams } from '../shared/list-response';

const BASE = '/api/clippings';

/** Typed calls of `/api/clippings`. */
@Injectable({ providedIn: 'root' })
export class ClippingsApi {
  private readonly http = inject(HttpClient);

  list(query: ListClippingsQuery): Observable<Page<Clipping>> {
    return this.http.get<Page<Clipping>>(BASE, { params: compactParams(query) });
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

  remove(id: number): Observable<void> {
    return this.http.delete<void>(`${BASE}/${id}`);
  }
}

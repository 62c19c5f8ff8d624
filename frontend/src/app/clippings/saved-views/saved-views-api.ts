import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateSavedViewBody, SavedView, UpdateSavedViewBody } from '@jianbao/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/saved-views';

/** Typed calls of `/api/saved-views`. */
@Injectable({ providedIn: 'root' })
export class SavedViewsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<SavedView[]> {
    return this.http.get<SavedView[]>(BASE);
  }

  create(body: CreateSavedViewBody): Observable<SavedView> {
    return this.http.post<SavedView>(BASE, body);
  }

  update(id: number, body: UpdateSavedViewBody): Observable<SavedView> {
    return this.http.patch<SavedView>(`${BASE}/${id}`, body);
  }

  remove(id: number): Observable<void> {
    return this.http.delete<void>(`${BASE}/${id}`);
  }
}

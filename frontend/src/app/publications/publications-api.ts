import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreatePublicationBody, Page, Publication, UpdatePublicationBody } from '@jianbao/contracts';
import { Observable, map } from 'rxjs';
import { itemsOf } from '../shared/list-response';

const BASE = '/api/publications';

/** Typed calls of `/api/publications`. */
@Injectable({ providedIn: 'root' })
export class PublicationsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<Publication[]> {
    return this.http.get<Publication[] | Page<Publication>>(BASE).pipe(map(itemsOf));
  }

  get(id: number): Observable<Publication> {
    return this.http.get<Publication>(`${BASE}/${id}`);
  }

  create(body: CreatePublicationBody): Observable<Publication> {
    return this.http.post<Publication>(BASE, body);
  }

  update(id: number, body: UpdatePublicationBody): Observable<Publication> {
    return this.http.patch<Publication>(`${BASE}/${id}`, body);
  }

  remove(id: number): Observable<void> {
    return this.http.delete<void>(`${BASE}/${id}`);
  }
}

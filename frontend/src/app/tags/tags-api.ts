import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateTagBody, Page, Tag, UpdateTagBody } from '@jianbao/contracts';
import { Observable, map } from 'rxjs';
import { itemsOf } from '../shared/list-response';

const BASE = '/api/tags';

/** Typed calls of `/api/tags` (a flat list; `parentId` builds the tree). */
@Injectable({ providedIn: 'root' })
export class TagsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<Tag[]> {
    return this.http.get<Tag[] | Page<Tag>>(BASE).pipe(map(itemsOf));
  }

  create(body: CreateTagBody): Observable<Tag> {
    return this.http.post<Tag>(BASE, body);
  }

  update(id: number, body: UpdateTagBody): Observable<Tag> {
    return this.http.patch<Tag>(`${BASE}/${id}`, body);
  }

  remove(id: number): Observable<void> {
    return this.http.delete<void>(`${BASE}/${id}`);
  }
}

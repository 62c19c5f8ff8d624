import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ApplyRuleResult,
  CreateTagBody,
  Page,
  Tag,
  TagDeleteMode,
  TagRule,
  UpdateTagBody,
} from '@jianbao/contracts';
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

  /** Name, colour, description, rule; a new `parentId` moves the tag. */
  update(id: number, body: UpdateTagBody): Observable<Tag> {
    return this.http.patch<Tag>(`${BASE}/${id}`, body);
  }

  /** Without a mode the server decides; with one, clippings are detached or moved to the parent. */
  remove(id: number, clippings?: TagDeleteMode): Observable<void> {
    return this.http.delete<void>(`${BASE}/${id}`, clippings ? { params: { clippings } } : {});
  }

  /** Fold `id` into `intoId`: its clippings and children move there and `id` is deleted. */
  merge(id: number, intoId: number): Observable<Tag> {
    return this.http.post<Tag>(`${BASE}/${id}/merge`, { intoId });
  }

  /** How many clippings a (not yet saved) rule would match, with a few samples. */
  previewRule(rule: TagRule): Observable<ApplyRuleResult> {
    return this.http.post<ApplyRuleResult>(`${BASE}/rules/preview`, { rule });
  }

  /** Run the tag's saved rule over existing clippings; `dryRun` only counts. */
  applyRule(id: number, dryRun: boolean): Observable<ApplyRuleResult> {
    return this.http.post<ApplyRuleResult>(`${BASE}/${id}/apply`, { dryRun });
  }
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Page, Region, RegionLevel, RegionNode } from '@jianbao/contracts';
import { Observable, map } from 'rxjs';
import { compactParams } from '../shared/list-response';

const BASE = '/api/regions';

export interface ListRegionsQuery {
  parentId?: number;
  level?: RegionLevel;
  q?: string;
  page?: number;
  pageSize?: number;
}

/** Typed calls of `/api/regions` (read-only in the UI for now). */
@Injectable({ providedIn: 'root' })
export class RegionsApi {
  private readonly http = inject(HttpClient);

  list(query: ListRegionsQuery): Observable<Page<Region>> {
    return this.http
      .get<Page<Region> | Region[]>(BASE, { params: compactParams(query) })
      .pipe(
        map((body) =>
          Array.isArray(body) ? { items: body, total: body.length, page: 1, pageSize: body.length } : body,
        ),
      );
  }

  /** One level of the tree with counts; no parent = the provinces. */
  tree(parentId: number | null): Observable<RegionNode[]> {
    return this.http.get<RegionNode[]>(`${BASE}/tree`, {
      params: parentId === null ? {} : { parentId },
    });
  }

  get(id: number): Observable<Region> {
    return this.http.get<Region>(`${BASE}/${id}`);
  }
}

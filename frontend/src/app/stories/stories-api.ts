import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  StoryGroup,
  StoryGroupChange,
  StoryGroupDetail,
  StoryGroupPage,
  StoryGroupStatus,
} from '@jianbao/contracts';
import type { Observable } from 'rxjs';
import { compactParams } from '../shared/list-response';

/** Typed calls of the story-group endpoints. */
@Injectable({ providedIn: 'root' })
export class StoriesApi {
  private readonly http = inject(HttpClient);

  list(query: {
    status?: StoryGroupStatus | null;
    page?: number;
    pageSize?: number;
  }): Observable<StoryGroupPage> {
    return this.http.get<StoryGroupPage>('/api/stories', { params: compactParams(query) });
  }

  get(id: number): Observable<StoryGroupDetail> {
    return this.http.get<StoryGroupDetail>(`/api/stories/${id}`);
  }

  confirm(id: number): Observable<StoryGroup> {
    return this.http.post<StoryGroup>(`/api/stories/${id}/confirm`, {});
  }

  /** Without `clippingIds` the whole group. */
  reject(id: number, clippingIds?: number[]): Observable<StoryGroupChange> {
    return this.http.post<StoryGroupChange>(`/api/stories/${id}/reject`, clippingIds ? { clippingIds } : {});
  }

  split(id: number, clippingIds: number[]): Observable<StoryGroupChange> {
    return this.http.post<StoryGroupChange>(`/api/stories/${id}/split`, { clippingIds });
  }

  chooseMain(id: number, clippingId: number): Observable<StoryGroup> {
    return this.http.put<StoryGroup>(`/api/stories/${id}/main`, { clippingId });
  }
}

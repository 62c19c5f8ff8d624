import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { StoryMark } from '@jianbao/contracts';
import type { Observable } from 'rxjs';

/** The list rows' same-story marks, answered by the stories feature (`GET /api/stories/marks`). */
@Injectable({ providedIn: 'root' })
export class StoryMarksApi {
  private readonly http = inject(HttpClient);

  /** The story group of each of these clippings (one list page) that is a text of one. */
  marks(ids: readonly number[]): Observable<StoryMark[]> {
    return this.http.get<StoryMark[]>('/api/stories/marks', { params: { ids: ids.join(',') } });
  }
}

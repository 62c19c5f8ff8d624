import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ImportPreview } from '@jianbao/contracts';
import { Observable } from 'rxjs';

/** Body of `POST /api/imports/preview` (not in the contracts yet; the import wizard will move it there). */
export interface ImportPreviewRequest {
  text: string;
  publicationId: number;
  issueDate: string;
  pageLabel: string;
}

/** Typed calls of `/api/imports`. */
@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);

  preview(body: ImportPreviewRequest): Observable<ImportPreview> {
    return this.http.post<ImportPreview>('/api/imports/preview', body);
  }
}

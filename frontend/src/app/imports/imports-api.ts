import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateImportBody,
  ImportPreview,
  ImportPreviewBody,
  ImportResult,
  ReplacePlan,
  ReplacePlanBody,
} from '@jianbao/contracts';
import { Observable } from 'rxjs';

const BASE = '/api/imports';

/** Typed calls of `/api/imports`. */
@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);

  /** How the page would be split, and its earlier filing if any; nothing is stored. */
  preview(body: ImportPreviewBody): Observable<ImportPreview> {
    return this.http.post<ImportPreview>(`${BASE}/preview`, body);
  }

  /** What replacing the earlier filing would do with these clippings; nothing is stored. */
  replacePlan(body: ReplacePlanBody): Observable<ReplacePlan> {
    return this.http.post<ReplacePlan>(`${BASE}/replace-plan`, body);
  }

  /** File the page; a page already filed answers 409 with `details.importId` unless `replace` is set. */
  create(body: CreateImportBody): Observable<ImportResult> {
    return this.http.post<ImportResult>(BASE, body);
  }
}

import { HttpClient, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Article, ArticleSummary, ListArticlesQuery, Page } from '@jianbao/contracts';
import { Observable } from 'rxjs';

export type ExportFormat = 'md' | 'txt';

/** Typed calls of `/api/articles`. */
@Injectable({ providedIn: 'root' })
export class ArticlesApi {
  private readonly http = inject(HttpClient);

  /** The articles index: continued articles, newest issue first, with their parts' pages. */
  list(query: ListArticlesQuery = {}): Observable<Page<ArticleSummary>> {
    const params: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) params[key] = value as string | number;
    return this.http.get<Page<ArticleSummary>>('/api/articles', { params });
  }

  get(id: number): Observable<Article> {
    return this.http.get<Article>(`/api/articles/${id}`);
  }

  /** The article as Markdown or plain text, with the response headers (file name, type). */
  export(id: number, format: ExportFormat): Observable<HttpResponse<string>> {
    return this.http.get(`/api/articles/${id}/export`, {
      params: { format },
      responseType: 'text',
      observe: 'response',
    });
  }
}

import { Routes } from '@angular/router';
import { ArticleList } from './article-list/article-list';
import { ArticleReader } from './article-reader/article-reader';

/** `/articles`: the index of continued articles; `/articles/:id`: one reassembled from its parts. */
export const ARTICLES_ROUTES: Routes = [
  { path: '', component: ArticleList },
  { path: ':id', component: ArticleReader },
];

import { Routes } from '@angular/router';
import { ArticleReader } from './article-reader/article-reader';

/** `/articles/:id`: a continued article reassembled from its parts. */
export const ARTICLES_ROUTES: Routes = [{ path: ':id', component: ArticleReader }];

import { Routes } from '@angular/router';

/** One lazy chunk per feature; the shell (nav, language switch) stays in the initial bundle. */
export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'clippings' },
  {
    path: 'clippings',
    loadChildren: () => import('./clippings/clippings.routes').then((m) => m.CLIPPINGS_ROUTES),
  },
  { path: 'import', loadChildren: () => import('./imports/imports.routes').then((m) => m.IMPORTS_ROUTES) },
  {
    path: 'continuations',
    loadChildren: () => import('./continuations/continuations.routes').then((m) => m.CONTINUATIONS_ROUTES),
  },
  {
    path: 'articles',
    loadChildren: () => import('./articles/articles.routes').then((m) => m.ARTICLES_ROUTES),
  },
  { path: 'tags', loadChildren: () => import('./tags/tags.routes').then((m) => m.TAGS_ROUTES) },
  { path: 'regions', loadChildren: () => import('./regions/regions.routes').then((m) => m.REGIONS_ROUTES) },
  {
    path: 'publications',
    loadChildren: () => import('./publications/publications.routes').then((m) => m.PUBLICATIONS_ROUTES),
  },
  { path: '**', loadComponent: () => import('./shared/not-found/not-found').then((m) => m.NotFound) },
];

import { Routes } from '@angular/router';
import { authGuard, loginGuard, roleGuard, setupGuard } from './auth/auth.guards';

/**
 * One lazy chunk per feature; the shell (nav, user menu, language switch) stays in the initial
 * bundle. Everything but the login and one-time setup screens needs a session; admin pages need
 * admin (the server enforces every route anyway).
 */
export const routes: Routes = [
  {
    path: 'login',
    canActivate: [loginGuard],
    loadComponent: () => import('./auth/login/login').then((m) => m.Login),
  },
  {
    path: 'setup',
    canActivate: [setupGuard],
    loadComponent: () => import('./auth/setup/setup').then((m) => m.Setup),
  },
  {
    path: '',
    canActivateChild: [authGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
      {
        path: 'dashboard',
        loadChildren: () => import('./dashboard/dashboard.routes').then((m) => m.DASHBOARD_ROUTES),
      },
      {
        path: 'clippings',
        loadChildren: () => import('./clippings/clippings.routes').then((m) => m.CLIPPINGS_ROUTES),
      },
      {
        path: 'import',
        canActivate: [roleGuard('editor')],
        loadChildren: () => import('./imports/imports.routes').then((m) => m.IMPORTS_ROUTES),
      },
      {
        path: 'continuations',
        loadChildren: () =>
          import('./continuations/continuations.routes').then((m) => m.CONTINUATIONS_ROUTES),
      },
      {
        path: 'issues',
        loadChildren: () => import('./issue-map/issue-map.routes').then((m) => m.ISSUE_MAP_ROUTES),
      },
      {
        path: 'stories',
        loadChildren: () => import('./stories/stories.routes').then((m) => m.STORIES_ROUTES),
      },
      {
        path: 'articles',
        loadChildren: () => import('./articles/articles.routes').then((m) => m.ARTICLES_ROUTES),
      },
      { path: 'tags', loadChildren: () => import('./tags/tags.routes').then((m) => m.TAGS_ROUTES) },
      {
        path: 'regions',
        loadChildren: () => import('./regions/regions.routes').then((m) => m.REGIONS_ROUTES),
      },
      {
        path: 'publications',
        loadChildren: () => import('./publications/publications.routes').then((m) => m.PUBLICATIONS_ROUTES),
      },
      {
        path: 'admin/users',
        canActivate: [roleGuard('admin')],
        loadComponent: () => import('./admin/users/user-list').then((m) => m.UserList),
      },
      {
        path: 'admin/audit',
        canActivate: [roleGuard('admin')],
        loadComponent: () => import('./admin/audit/audit-log').then((m) => m.AuditLog),
      },
      {
        path: 'admin/trash',
        canActivate: [roleGuard('admin')],
        loadChildren: () => import('./admin/trash/trash.routes').then((m) => m.TRASH_ROUTES),
      },
      { path: '**', loadComponent: () => import('./shared/not-found/not-found').then((m) => m.NotFound) },
    ],
  },
];

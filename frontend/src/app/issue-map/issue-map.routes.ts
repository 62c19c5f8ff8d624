import { Routes } from '@angular/router';
import { IssueMapPage } from './issue-map-page/issue-map-page';

/** `/issues` (pick a publication and a date) and `/issues/:publicationId/:date` (that issue's pages). */
export const ISSUE_MAP_ROUTES: Routes = [
  { path: '', component: IssueMapPage },
  { path: ':publicationId/:date', component: IssueMapPage },
];

import { Routes } from '@angular/router';
import { WaitingList } from './waiting-list/waiting-list';

/** `/continuations/waiting`: parts of continued articles whose other half is not filed yet. */
export const CONTINUATIONS_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'waiting' },
  { path: 'waiting', component: WaitingList },
];

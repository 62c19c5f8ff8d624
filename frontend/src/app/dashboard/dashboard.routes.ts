import { Routes } from '@angular/router';
import { DashboardPage } from './dashboard-page/dashboard-page';
import { UnassignedPage } from './unassigned-page/unassigned-page';

/**
 * `/dashboard`: the landing page (its own lazy chunk, which alone loads Chart.js);
 * `/dashboard/unassigned`: the work queue of filed pages whose unassigned lines wait for review.
 */
export const DASHBOARD_ROUTES: Routes = [
  { path: '', component: DashboardPage },
  { path: 'unassigned', component: UnassignedPage },
];

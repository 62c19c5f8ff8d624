import { Routes } from '@angular/router';
import { DashboardPage } from './dashboard-page/dashboard-page';

/** `/dashboard`: the landing page (its own lazy chunk, which alone loads Chart.js). */
export const DASHBOARD_ROUTES: Routes = [{ path: '', component: DashboardPage }];

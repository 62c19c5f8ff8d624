import { Routes } from '@angular/router';
import { RegionBrowser } from './region-browser/region-browser';

export const REGIONS_ROUTES: Routes = [{ path: '', component: RegionBrowser }];

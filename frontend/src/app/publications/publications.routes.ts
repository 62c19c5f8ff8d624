import { Routes } from '@angular/router';
import { PublicationList } from './publication-list/publication-list';

export const PUBLICATIONS_ROUTES: Routes = [{ path: '', component: PublicationList }];

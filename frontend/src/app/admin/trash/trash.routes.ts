import { Routes } from '@angular/router';
import { TrashPage } from './trash-page/trash-page';

export const TRASH_ROUTES: Routes = [{ path: '', component: TrashPage }];

import { Routes } from '@angular/router';
import { ImportWizard } from './import-wizard/import-wizard';

/** `/import`: paste or drop a page, fix the proposed split, file it. */
export const IMPORTS_ROUTES: Routes = [{ path: '', component: ImportWizard }];

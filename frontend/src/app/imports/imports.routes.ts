import { Routes } from '@angular/router';
import { unsavedChangesGuard } from '../shared/unsaved-changes';
import { ImportWizard } from './import-wizard/import-wizard';

/** `/import`: paste or drop a page, fix the proposed split, file it (leaving with a draft asks first). */
export const IMPORTS_ROUTES: Routes = [
  { path: '', component: ImportWizard, canDeactivate: [unsavedChangesGuard] },
];

import { Routes } from '@angular/router';
import { unsavedChangesGuard } from '../shared/unsaved-changes';
import { ImportWizard } from './import-wizard/import-wizard';
import { IssueImport } from './issue-import/issue-import';

/**
 * `/import`: paste or drop a page, fix the proposed split, file it (leaving with a draft asks first).
 * `/import/issue`: a whole issue's page files at once, filed one by one with progress (leaving while
 * filing asks first).
 */
export const IMPORTS_ROUTES: Routes = [
  { path: '', component: ImportWizard, canDeactivate: [unsavedChangesGuard] },
  { path: 'issue', component: IssueImport, canDeactivate: [unsavedChangesGuard] },
];

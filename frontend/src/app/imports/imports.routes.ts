import { Routes } from '@angular/router';
import { ImportPreviewPage } from './import-preview/import-preview';

/** Placeholder until the import wizard lands: paste a page, see how it would be split. */
export const IMPORTS_ROUTES: Routes = [{ path: '', component: ImportPreviewPage }];

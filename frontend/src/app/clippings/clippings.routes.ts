import { Routes } from '@angular/router';
import { roleGuard } from '../auth/auth.guards';
import { unsavedChangesGuard } from '../shared/unsaved-changes';
import { ClippingForm } from './clipping-form/clipping-form';
import { ClippingList } from './clipping-list/clipping-list';
import { ClippingPrint } from './clipping-print/clipping-print';

export const CLIPPINGS_ROUTES: Routes = [
  { path: '', component: ClippingList },
  {
    path: 'new',
    component: ClippingForm,
    canActivate: [roleGuard('editor')],
    canDeactivate: [unsavedChangesGuard],
  },
  { path: ':id', component: ClippingForm, canDeactivate: [unsavedChangesGuard] },
  { path: ':id/print', component: ClippingPrint },
];

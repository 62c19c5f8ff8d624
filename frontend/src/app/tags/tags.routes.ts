import { Routes } from '@angular/router';
import { TagList } from './tag-list/tag-list';

export const TAGS_ROUTES: Routes = [{ path: '', component: TagList }];

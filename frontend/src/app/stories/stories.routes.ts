import { Routes } from '@angular/router';
import { StoryGroupPage } from './story-group-page/story-group-page';
import { StoryQueue } from './story-queue/story-queue';

/** `/stories`: the review queue of same-story groups; `/stories/:id`: one group, its texts side by side. */
export const STORIES_ROUTES: Routes = [
  { path: '', component: StoryQueue },
  { path: ':id', component: StoryGroupPage },
];

import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { STORY_GROUP_STATUSES, type StoryGroupPage, type StoryGroupStatus } from '@jianbao/contracts';
import { type ErrorText, describeApiError, toApiError } from '../../shared/api-error';
import { I18n } from '../../shared/i18n/i18n';
import { registerListCursor } from '../../shared/keys/list-cursor';
import { StoriesApi } from '../stories-api';

const PAGE_SIZE = 20;

/** `/stories?status=&page=`: story groups to review (proposed first), with the queue's counts. */
@Component({
  selector: 'jb-story-queue',
  imports: [RouterLink],
  templateUrl: './story-queue.html',
  styleUrl: './story-queue.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StoryQueue {
  private readonly api = inject(StoriesApi);
  private readonly router = inject(Router);
  protected readonly t = inject(I18n).t;
  protected readonly statuses = STORY_GROUP_STATUSES;

  /** Query parameters (bound by the router). */
  readonly status = input<string>();
  readonly page = input<string>();

  protected readonly query = computed(() => {
    const status = STORY_GROUP_STATUSES.find((s) => s === this.status()) ?? null;
    const page = Number(this.page());
    return { status, page: Number.isInteger(page) && page >= 1 ? page : 1 };
  });
  protected readonly result = signal<StoryGroupPage | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<ErrorText | null>(null);
  protected readonly lastPage = computed(() => {
    const r = this.result();
    return r ? Math.max(1, Math.ceil(r.total / r.pageSize)) : 1;
  });

  constructor() {
    registerListCursor({
      next: 'keys.stories.next',
      previous: 'keys.stories.previous',
      open: 'keys.stories.open',
    });
    effect(() => {
      const q = this.query();
      untracked(() => this.load(q.status, q.page));
    });
  }

  private load(status: StoryGroupStatus | null, page: number): void {
    this.loading.set(true);
    this.api.list({ status, page, pageSize: PAGE_SIZE }).subscribe({
      next: (r) => {
        this.result.set(r);
        this.error.set(null);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.error.set(describeApiError(toApiError(err)));
        this.loading.set(false);
      },
    });
  }

  protected go(params: { status?: StoryGroupStatus | null; page?: number }): void {
    const q = this.query();
    const status = params.status !== undefined ? params.status : q.status;
    const page = params.page ?? (params.status !== undefined ? 1 : q.page);
    void this.router.navigate(['/stories'], {
      queryParams: { status: status ?? null, page: page > 1 ? page : null },
    });
  }

  protected onStatus(value: string): void {
    this.go({ status: STORY_GROUP_STATUSES.find((s) => s === value) ?? null });
  }
}

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
import { RouterLink } from '@angular/router';
import { AuthService } from '../../auth/auth.service';
import { Can } from '../../auth/can';
import type { StoryGroup, StoryGroupChange, StoryGroupDetail, StoryMember } from '@jianbao/contracts';
import type { Observable } from 'rxjs';
import { type ErrorText, describeApiError, toApiError } from '../../shared/api-error';
import { I18n } from '../../shared/i18n/i18n';
import { registerKeys } from '../../shared/keys/keyboard';
import type { MessageKey } from '../../shared/i18n/messages';
import { sideBySide } from '../side-by-side';
import { StoriesApi } from '../stories-api';

/** `/stories/:id`: a group's texts with their pages and overlap, the review actions, two texts side by side. */
@Component({
  selector: 'jb-story-group-page',
  imports: [RouterLink, Can],
  templateUrl: './story-group-page.html',
  styleUrl: './story-group-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StoryGroupPage {
  private readonly api = inject(StoriesApi);
  private readonly auth = inject(AuthService);
  protected readonly t = inject(I18n).t;

  /** Route parameter (bound by the router). */
  readonly id = input.required<string>();

  protected readonly group = signal<StoryGroupDetail | null>(null);
  protected readonly gone = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<ErrorText | null>(null);
  protected readonly notice = signal<MessageKey | null>(null);
  protected readonly selected = signal<ReadonlySet<number>>(new Set());
  /** The text compared with the main one. */
  protected readonly compareWith = signal<number | null>(null);

  protected readonly main = computed(() => this.group()?.members.find((m) => m.main) ?? null);
  protected readonly comparison = computed(() => {
    const g = this.group();
    const main = this.main();
    if (!g || !main) return null;
    const otherId = this.compareWith() ?? g.members.find((m) => !m.main)?.clippingId ?? null;
    const other = g.members.find((m) => m.clippingId === otherId);
    const textOf = (id: number): string => g.texts.find((x) => x.clippingId === id)?.text ?? '';
    if (!other || other.clippingId === main.clippingId) return null;
    return { left: main, right: other, view: sideBySide(textOf(main.clippingId), textOf(other.clippingId)) };
  });

  constructor() {
    // `a` accepts and `r` rejects a suggestion, as on the continuation panel (rejecting still asks).
    const editor = (): boolean => this.auth.can('editor') && this.group() !== null && !this.busy();
    registerKeys([
      {
        keys: 'a',
        label: 'keys.story.confirm',
        when: () => editor() && this.group()?.status === 'proposed',
        run: () => this.confirm(),
      },
      { keys: 'r', label: 'keys.story.reject', when: editor, run: () => this.rejectAll() },
    ]);
    effect(() => {
      const id = Number(this.id());
      untracked(() => this.load(id));
    });
  }

  private load(id: number): void {
    this.api.get(id).subscribe({
      next: (g) => this.show(g),
      error: (err: unknown) => this.fail(err),
    });
  }

  private show(g: StoryGroupDetail): void {
    this.group.set(g);
    this.gone.set(false);
    this.selected.set(new Set());
    if (!g.members.some((m) => m.clippingId === this.compareWith())) this.compareWith.set(null);
  }

  private fail(err: unknown): void {
    const e = toApiError(err);
    if (e.statusCode === 404) {
      this.group.set(null);
      this.gone.set(true);
    } else this.error.set(describeApiError(e));
    this.busy.set(false);
  }

  /** Runs a review action, then shows the group as it is now (or says it is gone). */
  private act(call: Observable<StoryGroup | StoryGroupChange>, done: MessageKey): void {
    const g = this.group();
    if (!g || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    call.subscribe({
      next: (res) => {
        this.busy.set(false);
        this.notice.set(done);
        const stillThere = 'members' in res ? true : res.group !== null;
        if (stillThere) this.load(g.id);
        else {
          this.group.set(null);
          this.gone.set(true);
        }
      },
      error: (err: unknown) => this.fail(err),
    });
  }

  protected confirm(): void {
    const g = this.group();
    if (g) this.act(this.api.confirm(g.id), 'stories.confirmed');
  }

  protected rejectAll(): void {
    const g = this.group();
    if (g && window.confirm(this.t('stories.rejectAllConfirm')))
      this.act(this.api.reject(g.id), 'stories.rejected');
  }

  protected rejectMember(m: StoryMember): void {
    const g = this.group();
    if (g) this.act(this.api.reject(g.id, [m.clippingId]), 'stories.rejected');
  }

  protected makeMain(m: StoryMember): void {
    const g = this.group();
    if (g) this.act(this.api.chooseMain(g.id, m.clippingId), 'stories.main');
  }

  protected toggle(m: StoryMember, on: boolean): void {
    const next = new Set(this.selected());
    if (on) next.add(m.clippingId);
    else next.delete(m.clippingId);
    this.selected.set(next);
  }

  protected split(): void {
    const g = this.group();
    const ids = [...this.selected()];
    if (!g) return;
    if (ids.length === 0 || ids.length >= g.members.length) {
      this.notice.set('stories.splitNone');
      return;
    }
    this.act(this.api.split(g.id, ids), 'stories.splitDone');
  }

  protected percent(x: number): string {
    return `${(x * 100).toFixed(0)}%`;
  }
}

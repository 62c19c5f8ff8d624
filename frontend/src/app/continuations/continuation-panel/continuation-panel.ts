import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  untracked,
} from '@angular/core';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { ApiError, Clipping, ContinuationView, SetContinuationBody } from '@jianbao/contracts';
import { Observable } from 'rxjs';
import { clippingHeadline } from '../../shared/clipping-headline';
import { type ErrorText, describeApiError, reasonError, toApiError } from '../../shared/api-error';
import { AuthService } from '../../auth/auth.service';
import { Can } from '../../auth/can';
import { I18n } from '../../shared/i18n/i18n';
import { registerListCursor } from '../../shared/keys/list-cursor';
import { ContinuationsApi } from '../continuations-api';

/** A view with its lists present even if a server (or a test double) left them out. */
function normalise(view: Partial<ContinuationView> | null): ContinuationView {
  return {
    articleId: view?.articleId ?? null,
    chain: Array.isArray(view?.chain) ? view.chain : [],
    suggestions: Array.isArray(view?.suggestions) ? view.suggestions : [],
  };
}

/**
 * On the clipping page: the continued article this clipping is part of (chain, reader link, unlink),
 * open suggestions with their evidence (accept/reject), and manual linking to another clipping of the
 * same publication. 409 (cycle, clash) and 400 (across publications) are shown inside the panel.
 */
@Component({
  selector: 'jb-continuation-panel',
  imports: [RouterLink, Can],
  templateUrl: './continuation-panel.html',
  styleUrl: './continuation-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContinuationPanel {
  private readonly api = inject(ContinuationsApi);
  private readonly auth = inject(AuthService);
  private readonly route = inject(ActivatedRoute, { optional: true });
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly t = inject(I18n).t;

  /** The clipping shown on the page; nothing is rendered without one (a new clipping). */
  readonly clippingId = input<number | null | undefined>(null);

  protected readonly view = signal<ContinuationView | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<ErrorText | null>(null);
  protected readonly query = signal('');
  protected readonly results = signal<Clipping[] | null>(null);
  protected readonly searching = signal(false);
  private clipping: Clipping | null = null;

  /** Position of this clipping in its chain (-1 when it stands alone). */
  protected readonly position = computed(() => {
    const v = this.view();
    const id = this.clippingId();
    return v ? v.chain.findIndex((p) => p.clippingId === id) : -1;
  });
  protected readonly linked = computed(() => (this.view()?.chain.length ?? 0) > 1);

  constructor() {
    // j/k walk the suggestions, `a` accepts and `r` rejects the current one (or the only one).
    const has = (): boolean => (this.view()?.suggestions.length ?? 0) > 0;
    const editor = (): boolean => has() && this.auth.can('editor') && !this.busy();
    registerListCursor(
      { next: 'keys.cont.next', previous: 'keys.cont.previous' },
      (cursor) => [
        { keys: 'a', label: 'keys.cont.accept', when: editor, run: () => cursor.press('accept', true) },
        { keys: 'r', label: 'keys.cont.reject', when: editor, run: () => cursor.press('reject', true) },
      ],
      has,
    );
    effect(() => {
      const id = this.clippingId();
      untracked(() => this.load(id));
    });
  }

  protected percent(score: number): number {
    return Math.round(score * 100);
  }

  protected headline(c: { title: string | null; excerpt?: string; body?: string }): string {
    return clippingHeadline({ title: c.title, body: c.body ?? c.excerpt ?? '' }, 40);
  }

  protected accept(suggestionId: number, tailId: number): void {
    this.run(this.api.accept(suggestionId), tailId);
  }

  protected reject(suggestionId: number, tailId: number): void {
    this.run(this.api.reject(suggestionId), tailId);
  }

  protected setLink(body: SetContinuationBody): void {
    const id = this.clippingId();
    if (!id) return;
    this.run(this.api.set(id, body), id);
  }

  protected search(): void {
    const id = this.clippingId();
    const q = this.query().trim();
    if (!id || !q) return;
    this.searching.set(true);
    const publicationId = this.clipping?.publicationId;
    if (publicationId === undefined) {
      // The publication is needed to search "the same publication"; fetch the clipping once.
      this.api.clipping(id).subscribe({
        next: (c) => {
          this.clipping = c;
          this.search();
        },
        error: (err: unknown) => this.fail(toApiError(err)),
      });
      return;
    }
    this.api.candidates({ q, publicationId, pageSize: 10 }).subscribe({
      next: (page) => {
        this.searching.set(false);
        this.results.set(page.items.filter((c) => c.id !== id));
      },
      error: (err: unknown) => this.fail(toApiError(err)),
    });
  }

  /** Runs a change; keeps the answer when it is this clipping's view, else reloads this clipping's. */
  private run(request: Observable<ContinuationView>, answerFor: number): void {
    const id = this.clippingId();
    if (!id || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    request.subscribe({
      next: (view) => {
        this.busy.set(false);
        if (answerFor === id) this.view.set(normalise(view));
        else this.load(id);
      },
      error: (err: unknown) => this.fail(toApiError(err)),
    });
  }

  private fail(error: ApiError): void {
    this.busy.set(false);
    this.searching.set(false);
    this.error.set(error.statusCode === 400 ? reasonError(400, error.message) : describeApiError(error));
  }

  private load(id: number | null | undefined): void {
    this.view.set(null);
    this.error.set(null);
    this.results.set(null);
    if (this.clipping?.id !== id) this.clipping = null;
    if (!id) return;
    this.api.view(id).subscribe({
      next: (view) => {
        this.view.set(normalise(view));
        if (this.route?.snapshot.queryParamMap.get('link') === 'hand') this.focusManualLink();
      },
      error: (err: unknown) => this.fail(toApiError(err)),
    });
  }

  /** Opened from the waiting list's "link by hand" (`?link=hand`): the manual search, in view and focused. */
  private focusManualLink(): void {
    afterNextRender(
      () => {
        const field = this.host.nativeElement.querySelector<HTMLInputElement>('#continuation-q');
        if (!field) return;
        field.scrollIntoView?.({ block: 'center' });
        field.focus();
      },
      { injector: this.injector },
    );
  }
}

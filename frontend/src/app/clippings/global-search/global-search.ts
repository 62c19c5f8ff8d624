import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import type { SearchSuggestions } from '@jianbao/contracts';
import { CLIPPING_FILTERS } from '@jianbao/contracts';
import { Subject, catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { describeApiError, toApiError } from '../../shared/api-error';
import { I18n } from '../../shared/i18n/i18n';
import { registerKeys } from '../../shared/keys/keyboard';
import { ClippingsApi } from '../clippings-api';

/** Typing pauses this long before suggestions are asked for. */
export const SUGGEST_DEBOUNCE_MS = 200;

type Outcome = { q: string; suggestions: SearchSuggestions | null; error: string | null };

/**
 * The top bar's search box: `/` focuses it (unless typing in a field), suggestions of titles, tags,
 * regions and publications as one types (debounced; a newer input cancels the older request), Enter
 * opens the clipping list with `q` in the URL.
 */
@Component({
  selector: 'jb-global-search',
  imports: [RouterLink],
  templateUrl: './global-search.html',
  styleUrl: './global-search.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GlobalSearch {
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  private readonly api = inject(ClippingsApi);
  private readonly router = inject(Router);
  private readonly input = viewChild.required<ElementRef<HTMLInputElement>>('box');
  protected readonly maxLength = CLIPPING_FILTERS.q.value.maxLength;
  protected readonly text = signal('');
  protected readonly open = signal(false);
  protected readonly outcome = signal<Outcome | null>(null);
  private readonly typed = new Subject<string>();

  constructor() {
    registerKeys([
      {
        keys: '/',
        label: 'keys.search',
        run: () => {
          this.input().nativeElement.focus();
          this.input().nativeElement.select();
        },
      },
    ]);
    this.typed
      .pipe(
        map((q) => q.trim()),
        debounceTime(SUGGEST_DEBOUNCE_MS),
        distinctUntilChanged(),
        switchMap((q) =>
          q === ''
            ? of<Outcome | null>(null)
            : this.api.suggest(q).pipe(
                map((suggestions): Outcome => ({ q, suggestions, error: null })),
                catchError((err: unknown) => {
                  const d = describeApiError(toApiError(err));
                  return of<Outcome>({ q, suggestions: null, error: this.t(d.key, d.params) });
                }),
              ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((o) => this.outcome.set(o));
  }

  protected onInput(value: string): void {
    this.text.set(value);
    this.open.set(value.trim() !== '');
    this.typed.next(value.slice(0, this.maxLength));
  }

  /** Enter: the list of everything matching, `q` in the URL. */
  protected submit(): void {
    const q = this.text().trim();
    if (q === '') return;
    this.open.set(false);
    void this.router.navigate(['/clippings'], { queryParams: { q } });
  }

  protected onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      this.open.set(false);
      return;
    }
    if (e.key === 'ArrowDown') {
      const first = this.input().nativeElement.closest('form')?.querySelector<HTMLElement>('.suggestions a');
      if (first) {
        e.preventDefault();
        first.focus();
      }
    }
  }

  /** Focus left the box and its list: close the list (after a click on a suggestion has been handled). */
  protected onFocusOut(e: FocusEvent): void {
    const form = this.input().nativeElement.closest('form');
    if (form && e.relatedTarget instanceof Node && form.contains(e.relatedTarget)) return;
    this.open.set(false);
  }

  protected chose(): void {
    this.open.set(false);
  }

  protected hasAny(s: SearchSuggestions): boolean {
    return s.titles.length + s.tags.length + s.regions.length + s.publications.length > 0;
  }
}

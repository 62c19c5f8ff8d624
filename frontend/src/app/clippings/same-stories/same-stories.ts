import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { SameStory } from '@jianbao/contracts';
import { type ErrorText, describeApiError, toApiError } from '../../shared/api-error';
import { I18n } from '../../shared/i18n/i18n';
import { containmentPercent } from '../clipping-links';
import { ClippingsApi } from '../clippings-api';

/** "Same story": other clippings of the same wire story, with how much of the text they share. */
@Component({
  selector: 'jb-same-stories',
  imports: [RouterLink],
  template: `
    <h2>{{ t('stories.title') }}</h2>
    @if (error(); as e) {
      <p class="field-error">{{ t(e.key, e.params) }}</p>
    } @else if (stories(); as list) {
      @if (list.length) {
        <ul>
          @for (s of list; track s.clipping.id) {
            <li>
              <a [routerLink]="['/clippings', s.clipping.id]">{{ s.clipping.title || s.clipping.excerpt }}</a>
              <span class="muted">
                {{ s.clipping.publicationName }} · {{ s.clipping.issueDate }} · {{ s.clipping.pageLabel }}
              </span>
              <span class="pct" [style.--pct]="percent(s.containment) + '%'">{{
                t('stories.containment', { percent: percent(s.containment) })
              }}</span>
            </li>
          }
        </ul>
      } @else {
        <p class="muted">{{ t('stories.empty') }}</p>
      }
    } @else {
      <p class="muted">{{ t('common.loading') }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    h2 {
      font-size: 13px;
      margin-bottom: 4px;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 4px 8px;
      padding: 4px 0;
      border-bottom: 1px solid var(--jb-border-soft);
    }
    .pct {
      margin-left: auto;
      font-size: 12px;
      font-variant-numeric: tabular-nums;
      padding: 0 6px;
      border-radius: 3px;
      background: linear-gradient(90deg, var(--jb-accent-soft) var(--pct), #f3f4f6 var(--pct));
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SameStories {
  private readonly api = inject(ClippingsApi);
  protected readonly t = inject(I18n).t;
  protected readonly percent = containmentPercent;

  readonly clippingId = input.required<number>();
  protected readonly stories = signal<SameStory[] | null>(null);
  protected readonly error = signal<ErrorText | null>(null);

  constructor() {
    effect(() => {
      const id = this.clippingId();
      untracked(() => {
        this.stories.set(null);
        this.error.set(null);
        this.api.stories(id).subscribe({
          next: (list) => this.stories.set([...list].sort((a, b) => b.containment - a.containment)),
          error: (err: unknown) => this.error.set(describeApiError(toApiError(err))),
        });
      });
    });
  }
}

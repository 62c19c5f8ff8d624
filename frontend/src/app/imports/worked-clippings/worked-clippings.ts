import { formatDate } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ReplaceMode, WorkedClipping } from '@jianbao/contracts';
import { clippingHeadline } from '../../shared/clipping-headline';
import { I18n } from '../../shared/i18n/i18n';
import { describeEditors, describeMatch, describeWork } from '../clipping-work-text';

/** `2024-10-22 14:03` in the browser's time zone. */
export function shortTime(iso: string): string {
  return formatDate(iso, 'yyyy-MM-dd HH:mm', 'en-US');
}

/**
 * The earlier clippings of a page that carry work done by hand after filing: each with a link to it,
 * what was done, by whom and when, and (with `withMatch`) the new clipping its work would go to.
 */
@Component({
  selector: 'jb-worked-clippings',
  imports: [RouterLink],
  template: `
    <ul class="worked" data-testid="worked-clippings">
      @for (w of rows(); track w.id) {
        <li>
          <a [routerLink]="['/clippings', w.id]" target="_blank">{{ w.headline }}</a>
          <span class="muted"> #{{ w.id }} · {{ w.page }}</span>
          <div class="work">{{ w.work }}</div>
          @if (w.by) {
            <div class="muted by">{{ w.by }}</div>
          }
          @if (withMatch()) {
            <div class="match" [class.none]="w.unmatched">{{ w.match }}</div>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    .worked {
      margin: 6px 0 0;
      padding-left: 18px;
    }
    li {
      margin-bottom: 6px;
    }
    .work {
      color: var(--jb-fg);
    }
    .by {
      font-size: 12px;
    }
    .match {
      font-weight: 600;
      &.none {
        color: #7a4d00;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkedClippings {
  private readonly t = inject(I18n).t;

  readonly worked = input.required<readonly WorkedClipping[]>();
  readonly withMatch = input(true);
  /** The replace choice being made: with `keep` the match reads "not filed". */
  readonly mode = input<ReplaceMode>('carry-over');

  protected readonly rows = computed(() =>
    this.worked().map((w) => ({
      id: w.clipping.id,
      headline: clippingHeadline({ title: w.clipping.title, body: w.clipping.excerpt }, 40),
      page: this.t('work.page', { date: w.clipping.issueDate, page: w.clipping.pageLabel }),
      work: describeWork(w.work, this.t),
      by: describeEditors(w.work, this.t, shortTime),
      match: describeMatch(w, this.t, this.mode()),
      unmatched: w.match === null,
    })),
  );
}

import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type {
  ClippingKind,
  JumpRef,
  IssueMap,
  IssueMapClipping,
  IssueMapPage as IssuePage,
  Publication,
} from '@jianbao/contracts';
import { jumpTargetPage } from '@jianbao/contracts';
import { Can } from '../../auth/can';
import { PublicationsApi } from '../../publications/publications-api';
import { type ErrorText, describeApiError, toApiError } from '../../shared/api-error';
import { I18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/messages';
import { IssueMapApi } from '../issue-map-api';
import { idOrNull, isPlainPageNumber, isoDateOrNull, issueSummary, wizardParams } from '../issue-map-view';

/**
 * `/issues/:publicationId/:date`: one issue's pages in print order, each with its clippings (waiting
 * continuations marked), and each page not filed yet with a jump to the import wizard.
 */
@Component({
  selector: 'jb-issue-map-page',
  imports: [RouterLink, Can],
  templateUrl: './issue-map-page.html',
  styleUrl: './issue-map-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IssueMapPage implements OnInit {
  private readonly api = inject(IssueMapApi);
  private readonly publicationsApi = inject(PublicationsApi);
  private readonly router = inject(Router);
  protected readonly t = inject(I18n).t;

  /** Path parameters (bound by the router). */
  readonly publicationId = input<string>();
  readonly date = input<string>();

  protected readonly pickedPublication = signal<number | null>(null);
  protected readonly pickedDate = signal('');
  protected readonly publications = signal<Publication[]>([]);
  protected readonly map = signal<IssueMap | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<ErrorText | null>(null);
  protected readonly summary = computed(() => {
    const m = this.map();
    return m ? issueSummary(m) : null;
  });
  protected readonly wizardParams = wizardParams;

  constructor() {
    effect(() => {
      const id = idOrNull(this.publicationId());
      const date = isoDateOrNull(this.date());
      untracked(() => {
        this.pickedPublication.set(id);
        this.pickedDate.set(date ?? '');
        this.load(id, date);
      });
    });
  }

  ngOnInit(): void {
    this.publicationsApi.list().subscribe({
      next: (list) => {
        this.publications.set(list);
        if (this.pickedPublication() === null && list[0]) this.pickedPublication.set(list[0].id);
      },
      error: (err: unknown) => this.error.set(describeApiError(toApiError(err))),
    });
  }

  protected show(event: Event): void {
    event.preventDefault();
    const id = this.pickedPublication();
    const date = isoDateOrNull(this.pickedDate());
    if (id !== null && date !== null) void this.router.navigate(['/issues', id, date]);
  }

  protected go(date: string): void {
    const m = this.map();
    if (m) void this.router.navigate(['/issues', m.publicationId, date]);
  }

  protected pageName(page: IssuePage): string {
    return isPlainPageNumber(page.label) ? this.t('issue.page', { label: page.label }) : page.label;
  }

  /** The page a marker points at and its article letter (`1版A`: page 1, label A). */
  protected jumpParams(ref: JumpRef | null): { page: string; label: string } {
    return { page: ref ? jumpTargetPage(ref) : '?', label: ref?.label ?? '' };
  }

  protected kindKey(kind: ClippingKind): MessageKey {
    return `kind.${kind}`;
  }

  protected headline(c: IssueMapClipping): string {
    return [c.kicker, c.title].filter((s) => s).join(' · ') || `${c.excerpt}…`;
  }

  private load(id: number | null, date: string | null): void {
    this.map.set(null);
    this.error.set(null);
    if (id === null || date === null) return;
    this.loading.set(true);
    this.api.get(id, date).subscribe({
      next: (m) => {
        this.loading.set(false);
        this.map.set(m);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        const e = toApiError(err);
        this.error.set({
          key: 'issue.loadFailed',
          params: { message: this.t(describeApiError(e).key, describeApiError(e).params) },
        });
      },
    });
  }
}

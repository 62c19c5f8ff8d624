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
import { Can } from '../../auth/can';
import { Router, RouterLink } from '@angular/router';
import { jumpTargetPage, type JumpRef, type Publication, type WaitingPart } from '@jianbao/contracts';
import { PublicationsApi } from '../../publications/publications-api';
import { type ErrorText, describeApiError, toApiError } from '../../shared/api-error';
import { I18n } from '../../shared/i18n/i18n';
import { ContinuationsApi, type WaitingQuery } from '../continuations-api';
import { waitingParams, waitingQueryOf } from '../waiting-filters';

/** `/continuations/waiting?publicationId=&from=&to=`: parts still waiting for their head or tail. */
@Component({
  selector: 'jb-waiting-list',
  imports: [RouterLink, Can],
  templateUrl: './waiting-list.html',
  styleUrl: './waiting-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WaitingList implements OnInit {
  private readonly api = inject(ContinuationsApi);
  private readonly publicationsApi = inject(PublicationsApi);
  private readonly router = inject(Router);
  protected readonly t = inject(I18n).t;

  /** Query parameters (bound by the router). */
  readonly publicationId = input<string>();
  readonly from = input<string>();
  readonly to = input<string>();

  protected readonly query = computed(() =>
    waitingQueryOf({ publicationId: this.publicationId(), from: this.from(), to: this.to() }),
  );
  protected readonly publications = signal<Publication[]>([]);
  protected readonly parts = signal<WaitingPart[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal<ErrorText | null>(null);

  constructor() {
    effect(() => {
      const q = this.query();
      untracked(() => this.load(q));
    });
  }

  ngOnInit(): void {
    this.publicationsApi.list().subscribe({
      next: (list) => this.publications.set(list),
      error: (err: unknown) => this.error.set(describeApiError(toApiError(err))),
    });
  }

  protected expects(ref: JumpRef): string {
    return this.t('waiting.expects', { page: jumpTargetPage(ref), label: ref.label ?? '' });
  }

  protected setFilter(patch: WaitingQuery): void {
    void this.router.navigate([], {
      queryParams: waitingParams({ ...this.query(), ...patch }),
      replaceUrl: false,
    });
  }

  protected onPublication(value: string): void {
    this.setFilter({ publicationId: value ? Number(value) : null });
  }

  protected reset(): void {
    this.setFilter({ publicationId: null, from: null, to: null });
  }

  private load(q: WaitingQuery): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.waiting(q).subscribe({
      next: (parts) => {
        this.loading.set(false);
        this.parts.set(parts);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.parts.set([]);
        this.error.set(describeApiError(toApiError(err)));
      },
    });
  }
}

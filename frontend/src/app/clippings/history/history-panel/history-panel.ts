import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import type { ApiError, Clipping, ClippingRevision, Publication } from '@jianbao/contracts';
import { type ErrorText, describeApiError, toApiError } from '../../../shared/api-error';
import { I18n } from '../../../shared/i18n/i18n';
import type { MessageKey } from '../../../shared/i18n/messages';
import { CLIPPING_KINDS, CLIPPING_STATUSES } from '@jianbao/contracts';
import { ClippingsApi } from '../../clippings-api';
import { type ChangeView, actionKey, fieldKey, viewOfChange } from '../revision-view';

interface RevisionRow {
  revision: ClippingRevision;
  action: string;
  who: string;
  changes: ChangeView[];
}

/** A restore went through: the clipping as it is now, and the version it was brought back from. */
export interface Restored {
  clipping: Clipping;
  from: number;
}

/** A restore the server refused because the clipping changed meanwhile (409). */
export interface RestoreConflict {
  revision: ClippingRevision;
  error: ApiError;
}

/**
 * A clipping's history, newest first: who, when, what, with a readable diff of each change (body as
 * an inline character diff, tags and regions as chips). Editors can restore an earlier version after
 * a confirmation; the form reloads from `restored`, and a 409 goes to `conflict`.
 */
@Component({
  selector: 'jb-history-panel',
  imports: [DatePipe],
  templateUrl: './history-panel.html',
  styleUrl: './history-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HistoryPanel {
  private readonly api = inject(ClippingsApi);
  protected readonly t = inject(I18n).t;

  readonly clippingId = input.required<number>();
  /** The clipping's version as the form shows it: the history reloads when it changes. */
  readonly version = input.required<number>();
  readonly canRestore = input(false);
  /** To name publications in changes of `publicationId`. */
  readonly publications = input<Publication[]>([]);
  readonly restored = output<Restored>();
  readonly conflict = output<RestoreConflict>();

  protected readonly revisions = signal<ClippingRevision[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal<ErrorText | null>(null);
  protected readonly confirmingVersion = signal<number | null>(null);
  protected readonly restoring = signal(false);
  protected readonly rows = computed<RevisionRow[]>(() =>
    this.revisions().map((revision) => {
      const key = actionKey(revision.action);
      return {
        revision,
        action: key ? this.t(key) : revision.action,
        who: revision.actorName ?? this.t('history.systemActor'),
        changes: revision.changes.map((c) => viewOfChange(c)),
      };
    }),
  );
  /** The newest revision is the clipping as it is: nothing to restore there. */
  protected readonly newestVersion = computed(() => this.revisions()[0]?.version ?? null);

  constructor() {
    effect(() => {
      const id = this.clippingId();
      this.version();
      untracked(() => this.load(id));
    });
  }

  protected fieldLabel(field: string): string {
    const key = fieldKey(field);
    return key ? this.t(key) : field;
  }

  /** A short recorded value as the UI names it: kinds and statuses translated, publications by name. */
  protected valueLabel(field: string, text: string): string {
    if (field === 'kind' && (CLIPPING_KINDS as readonly string[]).includes(text))
      return this.t(`kind.${text}` as MessageKey);
    if (field === 'status' && (CLIPPING_STATUSES as readonly string[]).includes(text))
      return this.t(`status.${text}` as MessageKey);
    if (field === 'publicationId')
      return this.publications().find((p) => String(p.id) === text)?.name ?? text;
    return text;
  }

  protected restore(revision: ClippingRevision): void {
    if (this.restoring()) return;
    this.restoring.set(true);
    this.error.set(null);
    this.api
      .restore(this.clippingId(), { version: revision.version, currentVersion: this.version() })
      .subscribe({
        next: (clipping) => {
          this.restoring.set(false);
          this.confirmingVersion.set(null);
          this.restored.emit({ clipping, from: revision.version });
        },
        error: (err: unknown) => {
          this.restoring.set(false);
          this.confirmingVersion.set(null);
          const error = toApiError(err);
          if (error.statusCode === 409) this.conflict.emit({ revision, error });
          else this.error.set(describeApiError(error));
        },
      });
  }

  private load(id: number): void {
    this.loading.set(true);
    this.api.history(id).subscribe({
      next: (list) => {
        this.loading.set(false);
        this.error.set(null);
        this.revisions.set(list);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.error.set(describeApiError(toApiError(err)));
      },
    });
  }
}

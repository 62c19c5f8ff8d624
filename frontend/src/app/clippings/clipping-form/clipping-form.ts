import { DatePipe, Location } from '@angular/common';
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
import { AbstractControl, FormBuilder, FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import type {
  ApiError,
  Clipping,
  ClippingKind,
  ClippingRegionLink,
  ClippingStatus,
  ClippingTagLink,
  CreateClippingBody,
  Publication,
} from '@jianbao/contracts';
import {
  type ErrorText,
  type FieldErrors,
  describeApiError,
  fieldErrorsOf,
  partitionFieldErrors,
  toApiError,
} from '../../shared/api-error';
import { AuthService } from '../../auth/auth.service';
import { ContinuationPanel } from '../../continuations/continuation-panel/continuation-panel';
import { I18n } from '../../shared/i18n/i18n';
import { registerKeys } from '../../shared/keys/keyboard';
import type { MessageKey } from '../../shared/i18n/messages';
import { blankToNull } from '../../shared/list-response';
import { type HoldsUnsavedChanges, confirmUnload } from '../../shared/unsaved-changes';
import { PublicationsApi } from '../../publications/publications-api';
import { ClippingLinksEditor } from '../clipping-links-editor/clipping-links-editor';
import { ClippingReadOnly } from '../clipping-read-only/clipping-read-only';
import { linksChanged, linksToBody } from '../clipping-links';
import {
  CLIPPING_KINDS,
  CLIPPING_STATUSES,
  TEXT_LINE_MAX_LENGTH,
  issueDateWarning,
  latestIssueDate,
} from '@jianbao/contracts';
import { linesToList } from '../clipping-text';
import { ClippingsApi } from '../clippings-api';
import { clippingExportUrl } from '../clipping-export';
import { HistoryPanel, type RestoreConflict, type Restored } from '../history/history-panel/history-panel';
import { type ClippingDraft, draftOfClipping, draftOfSnapshot } from '../merge/clipping-draft';
import { MergeView } from '../merge/merge-view/merge-view';
import { SameStories } from '../same-stories/same-stories';

/** Form controls, named exactly like the API's fields so a 400's `details[].field` maps onto them. */
export const CLIPPING_FORM_CONTROLS = [
  'publicationId',
  'issueDate',
  'pageLabel',
  'kind',
  'status',
  'kicker',
  'title',
  'subtitle',
  'byline',
  'dateline',
  'body',
  'subheads',
] as const;
export type ClippingControl = (typeof CLIPPING_FORM_CONTROLS)[number];

const HEADING_CONTROLS = ['kicker', 'title', 'subtitle', 'byline', 'dateline'] as const;
type HeadingControl = (typeof HEADING_CONTROLS)[number];

/** A save refused with 409: the three sides of the merge the editor is shown. */
interface MergeState {
  base: ClippingDraft;
  theirs: Clipping;
  mine: ClippingDraft;
}

/** The clipping as it is now, from a 409's `details.current`, when the server sent one. */
function currentOf(error: ApiError): Clipping | null {
  const details = error.details as { current?: Partial<Clipping> } | undefined;
  const current = details?.current;
  return current && typeof current.id === 'number' && typeof current.version === 'number'
    ? (current as Clipping)
    : null;
}

/** History state left by a create, so the edit page it lands on can say "created". */
interface CreatedState {
  created?: boolean;
}

/**
 * Create (`/clippings/new`) or edit (`/clippings/:id`) one clipping. Server-side validation
 * messages appear beside their fields; 404 and the rest at the top. Edits send `version`, and a
 * 409 means someone else saved first: the merge view shows base, theirs and mine field by field and
 * saves the merged result on top of theirs (without the current clipping, a plain reload is offered).
 * The history panel below shows every change and restores earlier versions.
 */
@Component({
  selector: 'jb-clipping-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    DatePipe,
    ClippingLinksEditor,
    ClippingReadOnly,
    SameStories,
    ContinuationPanel,
    HistoryPanel,
    MergeView,
  ],
  templateUrl: './clipping-form.html',
  styleUrl: './clipping-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(window:beforeunload)': 'onBeforeUnload($event)' },
})
export class ClippingForm implements OnInit, HoldsUnsavedChanges {
  private readonly api = inject(ClippingsApi);
  private readonly publicationsApi = inject(PublicationsApi);
  private readonly router = inject(Router);
  private readonly location = inject(Location);
  protected readonly t = inject(I18n).t;
  /** Download link of this clipping as Markdown or plain text. */
  protected readonly exportUrl = clippingExportUrl;
  protected readonly auth = inject(AuthService);

  /** Route parameter `:id`; undefined on `/clippings/new`. */
  readonly id = input<string>();

  protected readonly kinds = CLIPPING_KINDS;
  protected readonly statuses = CLIPPING_STATUSES;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    publicationId: new FormControl<number | null>(null, Validators.required),
    issueDate: ['', [Validators.required, Validators.pattern(/^\d{4}-\d{2}-\d{2}$/)]],
    pageLabel: ['', [Validators.required, Validators.maxLength(50)]],
    kind: ['article' as ClippingKind],
    status: ['draft' as ClippingStatus],
    kicker: [''],
    title: [''],
    subtitle: [''],
    byline: [''],
    dateline: [''],
    body: [''],
    subheads: [''],
  });

  protected readonly clipping = signal<Clipping | null>(null);
  /** Tag and region links being edited; saved with the clipping as full `tagIds` / `regionCodes` sets. */
  protected readonly tagLinks = signal<ClippingTagLink[]>([]);
  protected readonly regionLinks = signal<ClippingRegionLink[]>([]);
  protected readonly publications = signal<Publication[]>([]);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly submitted = signal(false);
  protected readonly serverErrors = signal<FieldErrors>({});
  protected readonly topError = signal<ErrorText | null>(null);
  protected readonly otherErrors = signal<string[]>([]);
  protected readonly stale = signal(false);
  protected readonly notice = signal<MessageKey | null>(null);
  protected readonly confirmingDelete = signal(false);
  /** Set while the editor settles a conflicting save (or restore) in the merge view. */
  protected readonly merging = signal<MergeState | null>(null);
  protected readonly theirsDraft = computed(() => {
    const m = this.merging();
    return m ? draftOfClipping(m.theirs) : null;
  });
  /** The version a restore just brought back, for the notice. */
  protected readonly restoredFrom = signal<number | null>(null);
  protected readonly isNew = computed(() => this.id() === undefined || this.id() === 'new');
  /** Someone who may not edit (a viewer) reads the clipping as text: no inputs, no save button. */
  protected readonly readOnly = computed(() => !this.isNew() && !this.auth.can('editor'));
  /** Nothing to edit: the id is malformed or the clipping was not found. */
  protected readonly missing = signal(false);

  readonly unsavedMessage = 'unsaved.clipping' as const;
  /** Set just before navigating away after a save or a delete: nothing is left unsaved then. */
  private leaving = false;

  constructor() {
    // Ctrl+S / ⌘S saves, also while typing in a field (and never opens the browser's "save page").
    registerKeys([
      {
        keys: 'mod+s',
        label: 'keys.form.save',
        whileTyping: true,
        when: () => !this.readOnly() && !this.missing() && !this.loading() && !this.merging(),
        run: () => this.submit(),
      },
    ]);
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
  }

  /** Edits not saved yet: a changed field, changed tags or regions, or a merge in progress. */
  hasUnsavedChanges(): boolean {
    if (this.leaving || this.missing() || this.loading()) return false;
    if (this.merging() || this.form.dirty) return true;
    return linksChanged(this.clipping() ?? { tags: [], regions: [] }, this.tagLinks(), this.regionLinks());
  }

  protected onBeforeUnload(event: BeforeUnloadEvent): void {
    confirmUnload(event, this);
  }

  ngOnInit(): void {
    this.publicationsApi.list().subscribe({
      next: (list) => this.publications.set(list),
      error: (err: unknown) => this.topError.set(describeApiError(toApiError(err))),
    });
    for (const name of CLIPPING_FORM_CONTROLS) {
      const control: AbstractControl = this.form.controls[name];
      control.valueChanges.subscribe(() => this.clearServerError(name));
    }
    if ((this.location.getState() as CreatedState | null)?.created) this.notice.set('clipping.created');
  }

  /** The one-line text fields, in print order above the body. */
  protected readonly headingControls = HEADING_CONTROLS;

  protected labelKey(name: HeadingControl): MessageKey {
    return `clipping.field.${name}`;
  }

  protected controlId(name: ClippingControl): string {
    return `clipping-${name}`;
  }

  protected invalid(name: ClippingControl): boolean {
    const c = this.form.controls[name];
    return (c.invalid && (c.touched || this.submitted())) || !!this.serverErrors()[name];
  }

  protected clientError(name: ClippingControl): boolean {
    const c = this.form.controls[name];
    return c.invalid && (c.touched || this.submitted());
  }

  protected readonly textLineMax = TEXT_LINE_MAX_LENGTH;

  /** A warning under the issue date when it is before 1900 or beyond the year ahead the server accepts. */
  protected dateWarning(): ErrorText | null {
    const date = this.form.controls.issueDate.value;
    const now = new Date();
    const warning = issueDateWarning(date, now);
    return warning ? { key: `dateWarning.${warning}`, params: { date, max: latestIssueDate(now) } } : null;
  }

  protected kindKey(kind: ClippingKind): MessageKey {
    return `kind.${kind}`;
  }

  protected statusKey(status: ClippingStatus): MessageKey {
    return `status.${status}`;
  }

  /** Reload the clipping from the server, dropping local edits (after a 409, or on demand). */
  protected reload(): void {
    this.load(this.id());
  }

  protected submit(): void {
    this.submitted.set(true);
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const body = this.toBody();
    const current = this.clipping();
    this.saving.set(true);
    this.resetErrors();
    this.notice.set(null);
    this.restoredFrom.set(null);
    const request = current
      ? this.api.update(current.id, { ...body, version: current.version })
      : this.api.create(body);
    request.subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.submitted.set(false);
        if (current) {
          this.show(saved);
          this.notice.set('common.saved');
        } else {
          this.leaving = true;
          void this.router.navigate(['/clippings', saved.id], { replaceUrl: true, state: { created: true } });
        }
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.showError(toApiError(err), current !== null);
      },
    });
  }

  protected remove(): void {
    const current = this.clipping();
    if (!current) return;
    this.api.remove(current.id).subscribe({
      next: () => {
        this.leaving = true;
        void this.router.navigate(['/clippings']);
      },
      error: (err: unknown) => {
        this.confirmingDelete.set(false);
        this.topError.set(describeApiError(toApiError(err)));
      },
    });
  }

  /** The merge view's result: save it on top of the version saved meanwhile. */
  protected saveMerged(draft: ClippingDraft): void {
    const state = this.merging();
    if (!state) return;
    this.show(state.theirs);
    this.tagLinks.set(draft.tags);
    this.regionLinks.set(draft.regions);
    this.form.setValue(formValues(draft), { emitEvent: false });
    this.merging.set(null);
    this.submit();
  }

  /** Give up my side of the merge: show the clipping as it is now. */
  protected discardMerge(): void {
    const state = this.merging();
    this.merging.set(null);
    if (state) this.show(state.theirs);
  }

  protected onRestored({ clipping, from }: Restored): void {
    this.resetErrors();
    this.merging.set(null);
    this.show(clipping);
    this.notice.set(null);
    this.restoredFrom.set(from);
  }

  /** A restore refused because the clipping changed meanwhile: merge the restored version in like an edit. */
  protected onRestoreConflict({ revision, error }: RestoreConflict): void {
    const current = currentOf(error);
    const seen = this.clipping();
    if (!current || !seen) {
      this.stale.set(true);
      return;
    }
    this.merging.set({
      base: draftOfClipping(seen),
      theirs: current,
      mine: draftOfSnapshot(revision.snapshot),
    });
  }

  private load(id: string | undefined): void {
    this.resetErrors();
    this.merging.set(null);
    this.restoredFrom.set(null);
    this.missing.set(false);
    if (id === undefined || id === 'new') {
      this.clipping.set(null);
      this.tagLinks.set([]);
      this.regionLinks.set([]);
      return;
    }
    const n = Number(id);
    if (!Number.isSafeInteger(n) || n < 1) {
      this.missing.set(true);
      this.topError.set({ key: 'error.notFound', params: {} });
      return;
    }
    this.loading.set(true);
    this.api.get(n).subscribe({
      next: (c) => {
        this.loading.set(false);
        this.show(c);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        const error = toApiError(err);
        if (error.statusCode === 404) this.missing.set(true);
        this.topError.set(describeApiError(error));
      },
    });
  }

  private show(c: Clipping): void {
    this.clipping.set(c);
    this.tagLinks.set(c.tags);
    this.regionLinks.set(c.regions);
    this.form.reset(formValues(c), { emitEvent: false });
    this.stale.set(false);
  }

  private toBody(): CreateClippingBody {
    const v = this.form.getRawValue();
    return {
      // The required validator guarantees a publication by the time the form is valid.
      publicationId: v.publicationId ?? 0,
      issueDate: v.issueDate,
      pageLabel: v.pageLabel.trim(),
      kind: v.kind,
      status: v.status,
      kicker: blankToNull(v.kicker),
      title: blankToNull(v.title),
      subtitle: blankToNull(v.subtitle),
      byline: blankToNull(v.byline),
      dateline: blankToNull(v.dateline),
      body: v.body.trim(),
      subheads: linesToList(v.subheads),
      ...linksToBody(this.tagLinks(), this.regionLinks()),
    };
  }

  /** The form as a merge draft, normalised like the body it would save. */
  private draft(): ClippingDraft {
    const body = this.toBody();
    return {
      publicationId: body.publicationId,
      issueDate: body.issueDate,
      pageLabel: body.pageLabel,
      kind: body.kind ?? 'article',
      status: body.status ?? 'draft',
      kicker: body.kicker ?? null,
      title: body.title ?? null,
      subtitle: body.subtitle ?? null,
      byline: body.byline ?? null,
      dateline: body.dateline ?? null,
      body: body.body,
      subheads: body.subheads ?? [],
      tags: this.tagLinks(),
      regions: this.regionLinks(),
    };
  }

  private showError(error: ApiError, editing: boolean): void {
    if (editing && error.statusCode === 409) {
      const current = currentOf(error);
      const seen = this.clipping();
      if (current && seen)
        this.merging.set({ base: draftOfClipping(seen), theirs: current, mine: this.draft() });
      else this.stale.set(true);
      return;
    }
    const { byControl, other } = partitionFieldErrors(fieldErrorsOf(error, this.t), CLIPPING_FORM_CONTROLS);
    this.serverErrors.set(byControl);
    this.otherErrors.set(other);
    this.topError.set(describeApiError(error));
  }

  private resetErrors(): void {
    this.serverErrors.set({});
    this.otherErrors.set([]);
    this.topError.set(null);
    this.stale.set(false);
  }

  private clearServerError(name: ClippingControl): void {
    if (!this.serverErrors()[name]) return;
    const { [name]: _removed, ...rest } = this.serverErrors();
    this.serverErrors.set(rest);
  }
}

/** A clipping (or a merged draft of one) as the form's values: absent texts empty, subheads one per line. */
function formValues(c: Pick<ClippingDraft, FormField>) {
  return {
    publicationId: c.publicationId,
    issueDate: c.issueDate,
    pageLabel: c.pageLabel,
    kind: c.kind,
    status: c.status,
    kicker: c.kicker ?? '',
    title: c.title ?? '',
    subtitle: c.subtitle ?? '',
    byline: c.byline ?? '',
    dateline: c.dateline ?? '',
    body: c.body,
    subheads: c.subheads.join('\n'),
  };
}

type FormField =
  | 'publicationId'
  | 'issueDate'
  | 'pageLabel'
  | 'kind'
  | 'status'
  | 'kicker'
  | 'title'
  | 'subtitle'
  | 'byline'
  | 'dateline'
  | 'body'
  | 'subheads';

import { ChangeDetectionStrategy, Component, OnInit, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute, type ParamMap, RouterLink } from '@angular/router';
import type {
  ApiError,
  ClippingKind,
  CreateImportBody,
  DuplicatePage,
  ImportPreviewBody,
  ImportResult,
  Publication,
  ReplaceMode,
  ReplaceReport,
  SuggestionStatus,
} from '@jianbao/contracts';
import { issueDateWarning, latestIssueDate } from '@jianbao/contracts';
import { catchError, forkJoin, map, of } from 'rxjs';
import { AuthService } from '../../auth/auth.service';
import { clippingHeadline } from '../../shared/clipping-headline';
import { PublicationsApi } from '../../publications/publications-api';
import {
  type ErrorText,
  type FieldErrors,
  describeApiError,
  reasonError,
  fieldErrorsOf,
  toApiError,
} from '../../shared/api-error';
import { I18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/messages';
import { type HoldsUnsavedChanges, confirmUnload } from '../../shared/unsaved-changes';
import { cardErrorsOf, withoutCardError } from '../card-errors';
import { pageFileText } from '../page-file';
import { typingInField } from '../../shared/keys/key-chord';
import { registerListCursor } from '../../shared/keys/list-cursor';
import { type FieldEdit, ClippingCard } from '../clipping-card/clipping-card';
import { ImportsApi } from '../imports-api';
import { type LinkEnd, linkEnd, missingEnds } from '../link-ends';
import { ClippingsApi } from '../../clippings/clippings-api';
import { type LineMove, type LineSplit, SourcePane } from '../source-pane/source-pane';
import { type DraftForm, isWorthKeeping } from '../wizard-draft';
import { WizardDraftStore } from '../wizard-draft-store';
import { WorkedClippings, shortTime } from '../worked-clippings/worked-clippings';
import {
  type WizardState,
  filedKeys,
  fromPreview,
  lineViews,
  markChecked,
  mergeClippings,
  mergeWithNext,
  moveLine,
  nearestClipping,
  removeClipping,
  reviewQueue,
  setField,
  setKind,
  setSubheads,
  splitClipping,
  toEditedClippings,
} from '../wizard-ops';

type FormValue = ImportPreviewBody;

function sameRequest(a: FormValue, b: FormValue): boolean {
  return (
    a.text === b.text &&
    a.publicationId === b.publicationId &&
    a.issueDate === b.issueDate &&
    a.pageLabel === b.pageLabel
  );
}

/** One line of the replace report, as a message. */
interface ReportLine {
  key: MessageKey;
  params: Record<string, number>;
}

function reportLines(r: ReplaceReport): ReportLine[] {
  return [
    ...r.carried.map((c) => ({
      key: 'wizard.replaced.carried' as const,
      params: { from: c.fromId, to: c.toId },
    })),
    ...r.kept.map((k) => ({
      key: `wizard.replaced.kept.${k.reason}` as const,
      params: { id: k.clippingId },
    })),
    ...r.linksNotRemade.map((l) => ({
      key: `wizard.replaced.link.${l.reason}` as const,
      params: { id: l.clippingId, other: l.otherId },
    })),
  ];
}

/**
 * `/import`: paste or drop one page of text, preview how it splits, fix the split in two panes
 * (source lines ↔ clipping cards, with the unassigned bin always in view) and file the result.
 * A page filed before is flagged by the preview (and by a 409 when filed meanwhile): replacing it
 * first shows the earlier clippings changed by hand since filing and lets the editor carry that work
 * over or keep them. Until the page is filed or discarded the draft lives in localStorage and comes
 * back on the next visit; leaving asks first.
 */
@Component({
  selector: 'jb-import-wizard',
  imports: [ReactiveFormsModule, RouterLink, SourcePane, ClippingCard, WorkedClippings],
  templateUrl: './import-wizard.html',
  styleUrl: './import-wizard.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(window:beforeunload)': 'onBeforeUnload($event)',
  },
})
export class ImportWizard implements OnInit, HoldsUnsavedChanges {
  private readonly api = inject(ImportsApi);
  private readonly clippingsApi = inject(ClippingsApi);
  private readonly publicationsApi = inject(PublicationsApi);
  private readonly auth = inject(AuthService);
  private readonly drafts = inject(WizardDraftStore);
  protected readonly t = inject(I18n).t;
  readonly unsavedMessage = 'unsaved.wizard' as const;

  protected readonly form = inject(FormBuilder).nonNullable.group({
    text: ['', Validators.required],
    publicationId: new FormControl<number | null>(null, Validators.required),
    issueDate: ['', Validators.required],
    pageLabel: ['', Validators.required],
  });
  private readonly formValue = toSignal(this.form.valueChanges.pipe(map(() => this.request())), {
    initialValue: this.request(),
  });
  private readonly rawForm = toSignal(this.form.valueChanges.pipe(map(() => this.draftForm())), {
    initialValue: this.draftForm(),
  });

  protected readonly publications = signal<Publication[]>([]);
  protected readonly previewing = signal(false);
  protected readonly filing = signal(false);
  protected readonly submitted = signal(false);
  protected readonly error = signal<ErrorText | null>(null);
  protected readonly otherErrors = signal<string[]>([]);
  protected readonly serverErrors = signal<FieldErrors>({});
  /** A refused filing's messages per card (clipping key) and field, shown on the card beside the field. */
  protected readonly cardErrors = signal<ReadonlyMap<number, FieldErrors>>(new Map());
  /** A chosen or dropped file that could not be read, or was not UTF-8 text. */
  protected readonly fileError = signal<{
    key: 'wizard.fileError' | 'wizard.fileNotText';
    name: string;
  } | null>(null);
  /** The request the current wizard state was previewed from: filing sends exactly this page. */
  protected readonly previewed = signal<ImportPreviewBody | null>(null);
  protected readonly state = signal<WizardState | null>(null);
  protected readonly selectedKeys = signal<ReadonlySet<number>>(new Set());
  protected readonly binTargets = signal<Readonly<Record<number, number>>>({});
  protected readonly result = signal<ImportResult | null>(null);
  /** The clippings the filing result's links join, by id: this page's, and parts filed earlier (fetched). */
  protected readonly linkEnds = signal<ReadonlyMap<number, LinkEnd>>(new Map());
  /** The earlier filing of this page text, as the preview (or a 409) reported it. */
  protected readonly duplicate = signal<DuplicatePage | null>(null);
  /** Open while the editor decides on replacing: the plan for the clippings as corrected now. */
  protected readonly replacePlan = signal<DuplicatePage | null>(null);
  protected readonly planLoading = signal(false);
  protected readonly replaceMode = signal<ReplaceMode>('carry-over');
  protected readonly canReplace = computed(() => this.auth.can('admin'));
  protected readonly report = computed(() => {
    const replaced = this.result()?.replaced;
    return replaced ? { replaced, lines: reportLines(replaced) } : null;
  });
  /** When the draft restored on arrival was saved. */
  protected readonly restoredAt = signal<string | null>(null);
  protected readonly discarded = signal(false);
  /** When Ctrl+S last confirmed that the draft is kept. */
  protected readonly keptAt = signal<string | null>(null);
  /** The browser refused to store the draft: leaving would lose it. */
  protected readonly draftNotKept = signal(false);

  protected readonly views = computed(() => {
    const s = this.state();
    return s ? lineViews(s) : [];
  });
  protected readonly stale = computed(() => {
    const p = this.previewed();
    return !!p && !sameRequest(p, this.formValue());
  });

  constructor() {
    registerListCursor({ next: 'keys.wizard.next', previous: 'keys.wizard.previous' }, () => [
      {
        keys: 'n',
        label: 'keys.wizard.review',
        when: () => this.queue().length > 0,
        run: () => this.nextToReview(),
      },
      {
        keys: 'mod+s',
        label: 'keys.wizard.save',
        whileTyping: true,
        when: () => this.state() !== null && this.result() === null,
        run: () => this.commitField(),
      },
    ]);
    // Restored before the saving effect first runs, so an empty form never overwrites the draft.
    this.restoreDraft();
    // Arriving from the issue map: the page to file is named in the URL (a kept draft wins).
    if (this.restoredAt() === null) this.prefill(inject(ActivatedRoute).snapshot.queryParamMap);
    effect(() => {
      const form = this.rawForm();
      const state = this.state();
      const previewed = this.previewed();
      const duplicate = this.duplicate();
      const userId = this.userId();
      if (this.result() || !isWorthKeeping({ form, state })) {
        this.drafts.clear(userId);
        this.draftNotKept.set(false);
        return;
      }
      const kept = this.drafts.save(userId, {
        savedAt: new Date().toISOString(),
        form,
        previewed,
        state,
        duplicate,
      });
      this.draftNotKept.set(!kept);
    });
  }

  /** Something typed or corrected that is not filed yet (it is kept as a draft, but leaving still asks). */
  hasUnsavedChanges(): boolean {
    return !this.result() && isWorthKeeping({ form: this.draftForm(), state: this.state() });
  }

  protected onBeforeUnload(event: BeforeUnloadEvent): void {
    confirmUnload(event, this);
  }

  protected time(iso: string): string {
    return shortTime(iso);
  }

  ngOnInit(): void {
    this.publicationsApi.list().subscribe({
      next: (list) => this.publications.set(list),
      error: (err: unknown) => this.error.set(describeApiError(toApiError(err))),
    });
  }

  /** A warning under the issue date when it is before 1900 or beyond the year ahead the server accepts. */
  protected dateWarning(): ErrorText | null {
    const date = this.form.controls.issueDate.value;
    const now = new Date();
    const warning = issueDateWarning(date, now);
    return warning ? { key: `dateWarning.${warning}`, params: { date, max: latestIssueDate(now) } } : null;
  }

  protected invalid(name: 'text' | 'publicationId' | 'issueDate' | 'pageLabel'): boolean {
    const c = this.form.controls[name];
    return (c.invalid && (c.touched || this.submitted())) || !!this.serverErrors()[name];
  }

  protected kindKey(kind: ClippingKind): MessageKey {
    return `kind.${kind}`;
  }

  protected linkStatusKey(status: SuggestionStatus): MessageKey {
    return `wizard.linkStatus.${status}`;
  }

  protected headline(c: { title: string | null; body: string }): string {
    return clippingHeadline(c, 40);
  }

  protected percent(score: number): number {
    return Math.round(score * 100);
  }

  // ----- text input: paste, choose or drop a .txt file -----

  protected onFileChosen(input: HTMLInputElement): void {
    const file = input.files?.[0];
    if (file) this.readFile(file);
    input.value = '';
  }

  protected onDragOver(event: DragEvent): void {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  }

  protected onDrop(event: DragEvent): void {
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    this.readFile(file);
  }

  private readFile(file: File): void {
    this.fileError.set(null);
    const reader = new FileReader();
    reader.onload = () => {
      const text = reader.result instanceof ArrayBuffer ? pageFileText(reader.result) : null;
      // Not UTF-8 text: say so by name and leave the text box as it was.
      if (text === null) {
        this.fileError.set({ key: 'wizard.fileNotText', name: file.name });
        return;
      }
      this.form.controls.text.setValue(text);
      this.form.controls.text.markAsTouched();
    };
    reader.onerror = () => this.fileError.set({ key: 'wizard.fileError', name: file.name });
    reader.readAsArrayBuffer(file);
  }

  // ----- preview -----

  private draftForm(): DraftForm {
    const v = this.form.getRawValue();
    return { text: v.text, publicationId: v.publicationId, issueDate: v.issueDate, pageLabel: v.pageLabel };
  }

  private userId(): number | null {
    return this.auth.user()?.id ?? null;
  }

  private restoreDraft(): void {
    const draft = this.drafts.load(this.userId());
    if (!draft) return;
    this.form.setValue(draft.form);
    this.previewed.set(draft.previewed);
    this.state.set(draft.state);
    this.duplicate.set(draft.duplicate);
    this.restoredAt.set(draft.savedAt);
  }

  /** `?publicationId=&issueDate=&pageLabel=` (the issue map's jump to a page not filed): each valid one fills its field. */
  private prefill(params: ParamMap): void {
    const id = params.get('publicationId');
    const date = params.get('issueDate');
    const page = params.get('pageLabel');
    if (id !== null && /^[1-9]\d{0,9}$/.test(id)) this.form.controls.publicationId.setValue(Number(id));
    if (date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date)) this.form.controls.issueDate.setValue(date);
    if (page !== null && page.trim() !== '' && page.length <= 50)
      this.form.controls.pageLabel.setValue(page.trim());
  }

  /** Throws the draft away (after asking): the form, the corrections and the stored copy. */
  protected discardDraft(): void {
    if (!window.confirm(this.t('wizard.draft.discardConfirm'))) return;
    this.drafts.clear(this.userId());
    this.startOver();
    this.form.controls.publicationId.setValue(null);
    this.restoredAt.set(null);
    this.discarded.set(true);
  }

  private request(): ImportPreviewBody {
    const v = this.form.getRawValue();
    return {
      text: v.text,
      publicationId: v.publicationId ?? 0,
      issueDate: v.issueDate,
      pageLabel: v.pageLabel.trim(),
    };
  }

  protected preview(): void {
    this.submitted.set(true);
    this.form.markAllAsTouched();
    if (this.form.invalid || this.previewing()) return;
    const body = this.request();
    this.previewing.set(true);
    this.clearErrors();
    this.api.preview(body).subscribe({
      next: (preview) => {
        this.previewing.set(false);
        this.previewed.set(body);
        this.discarded.set(false);
        this.restoredAt.set(null);
        this.replacePlan.set(null);
        this.duplicate.set(preview.duplicate ?? null);
        this.state.set(fromPreview(body.text, preview));
        this.selectedKeys.set(new Set());
        this.binTargets.set({});
      },
      error: (err: unknown) => {
        this.previewing.set(false);
        this.showError(toApiError(err));
      },
    });
  }

  // ----- editing (all through the pure operations of wizard-ops) -----

  private apply(op: (s: WizardState) => WizardState): void {
    const s = this.state();
    if (!s) return;
    const next = op(s);
    this.state.set(next);
    const keys = new Set(next.clippings.map((c) => c.key));
    this.selectedKeys.update((sel) => new Set([...sel].filter((k) => keys.has(k))));
  }

  protected onMove(e: LineMove): void {
    this.apply((s) => moveLine(s, e.line, e.target));
  }

  protected onSplit(e: LineSplit): void {
    this.apply((s) => splitClipping(s, e.key, e.line));
  }

  protected onEdit(key: number, e: FieldEdit): void {
    this.apply((s) => setField(s, key, e.field, e.value));
    this.cardErrors.update((cards) => withoutCardError(cards, key, e.field));
  }

  protected onKind(key: number, kind: ClippingKind): void {
    this.apply((s) => setKind(s, key, kind));
    this.cardErrors.update((cards) => withoutCardError(cards, key, 'kind'));
  }

  protected onSubheads(key: number, text: string): void {
    this.apply((s) => setSubheads(s, key, text));
    this.cardErrors.update((cards) => withoutCardError(cards, key, 'subheads'));
  }

  protected onMergeNext(key: number): void {
    this.apply((s) => mergeWithNext(s, key));
  }

  protected onDissolve(key: number): void {
    this.apply((s) => removeClipping(s, key));
  }

  /** Keys of the clippings the parser is unsure of and the editor has not dealt with, least sure first. */
  protected readonly queue = computed(() => {
    const s = this.state();
    return s ? reviewQueue(s) : [];
  });

  protected onConfirm(key: number): void {
    this.apply((s) => markChecked(s, key));
  }

  /** Brings the least sure clipping not yet dealt with into view and focus (after the one in focus). */
  protected nextToReview(): void {
    const queue = this.queue();
    if (queue.length === 0) return;
    const focused = (document.activeElement as HTMLElement | null)?.closest?.('[data-key]');
    const at = focused ? queue.indexOf(Number(focused.getAttribute('data-key'))) : -1;
    const key = queue[(at + 1) % queue.length];
    const card = document.querySelector<HTMLElement>(`jb-clipping-card [data-key="${key}"]`);
    card?.scrollIntoView({ block: 'center' });
    card?.focus({ preventScroll: true });
  }

  /**
   * Ctrl+S: there is no save before filing (edits apply as typed, the draft is kept on every change),
   * so it commits the field being edited (a field that applies on `change`, like the subheads) by
   * leaving and re-entering it, and says the draft is kept.
   */
  private commitField(): void {
    const active = document.activeElement;
    if (active instanceof HTMLElement && typingInField(active)) {
      active.blur();
      active.focus();
    }
    this.keptAt.set(new Date().toISOString());
  }

  protected onSelect(key: number, on: boolean): void {
    this.selectedKeys.update((sel) => {
      const next = new Set(sel);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  }

  protected mergeSelected(): void {
    const keys = [...this.selectedKeys()];
    this.apply((s) => mergeClippings(s, keys));
    this.selectedKeys.set(new Set());
  }

  protected binTarget(line: number): number | null {
    const s = this.state();
    return this.binTargets()[line] ?? (s ? nearestClipping(s, line) : null);
  }

  protected onBinTarget(line: number, value: string): void {
    this.binTargets.update((t) => ({ ...t, [line]: Number(value) }));
  }

  protected moveFromBin(line: number): void {
    const key = this.binTarget(line);
    if (key !== null) this.apply((s) => moveLine(s, line, { to: 'clipping', key, role: 'body' }));
  }

  // ----- filing -----

  /** The page as it would be filed now: the previewed request with the editor's clippings. */
  private filingBody(): CreateImportBody | null {
    const body = this.previewed();
    const s = this.state();
    if (!body || !s || this.stale()) return null;
    return { ...body, clippings: toEditedClippings(s) };
  }

  /** Files the page; a page filed before opens the replace choice instead. */
  protected file(): void {
    if (this.duplicate()) {
      this.openReplace();
      return;
    }
    this.send(null);
  }

  /** Shows what replacing would do with the clippings as corrected now, and the carry-over / keep choice. */
  protected openReplace(): void {
    const body = this.filingBody();
    if (!body || this.planLoading()) return;
    this.clearErrors();
    this.planLoading.set(true);
    this.api.replacePlan(body).subscribe({
      next: (plan) => {
        this.planLoading.set(false);
        this.duplicate.set(plan.duplicate);
        this.replacePlan.set(plan.duplicate);
        // Deleted meanwhile: nothing to replace any more.
        if (!plan.duplicate) this.send(null);
      },
      error: (err: unknown) => {
        this.planLoading.set(false);
        this.showError(toApiError(err));
      },
    });
  }

  protected cancelReplace(): void {
    this.replacePlan.set(null);
  }

  protected confirmReplace(): void {
    this.send(this.replaceMode());
  }

  /** POST the page; `mode` set: replacing the earlier filing that way. */
  private send(mode: ReplaceMode | null): void {
    const body = this.filingBody();
    if (!body || this.filing()) return;
    this.filing.set(true);
    this.clearErrors();
    this.api.create({ ...body, ...(mode ? { replace: true, replaceMode: mode } : {}) }).subscribe({
      next: (result) => {
        this.filing.set(false);
        this.replacePlan.set(null);
        this.duplicate.set(null);
        this.restoredAt.set(null);
        this.result.set(result);
        this.loadLinkEnds(result);
      },
      error: (err: unknown) => {
        this.filing.set(false);
        const error = toApiError(err);
        // Filed by someone else since the preview: show what replacing would do.
        if (error.statusCode === 409 && !mode) {
          this.openReplace();
          return;
        }
        this.showError(error);
      },
    });
  }

  /** Names both ends of every link: this page's clippings at once, parts filed earlier once fetched. */
  private loadLinkEnds(result: ImportResult): void {
    const known = new Map(result.clippings.map((c) => [c.id, linkEnd(c)]));
    this.linkEnds.set(known);
    const missing = missingEnds(result.links, known);
    if (missing.length === 0) return;
    forkJoin(missing.map((id) => this.clippingsApi.get(id).pipe(catchError(() => of(null))))).subscribe(
      (found) => {
        const all = new Map(known);
        for (const c of found) if (c) all.set(c.id, linkEnd(c));
        this.linkEnds.set(all);
      },
    );
  }

  /** A link's end by title and page (`#id` until known). */
  protected endLabel(id: number): string {
    const end = this.linkEnds().get(id);
    return end ? this.t('wizard.linkEnd', { title: end.headline, page: end.pageLabel }) : `#${id}`;
  }

  protected startOver(): void {
    this.result.set(null);
    this.state.set(null);
    this.previewed.set(null);
    this.duplicate.set(null);
    this.replacePlan.set(null);
    this.submitted.set(false);
    this.clearErrors();
    this.form.reset({
      text: '',
      publicationId: this.form.controls.publicationId.value,
      issueDate: '',
      pageLabel: '',
    });
  }

  private showError(error: ApiError): void {
    const fields = fieldErrorsOf(error, this.t);
    const formFields = ['text', 'publicationId', 'issueDate', 'pageLabel'];
    this.serverErrors.set(Object.fromEntries(Object.entries(fields).filter(([f]) => formFields.includes(f))));
    // A clipping's field: on its card, and at the top numbered as the cards are.
    const s = this.state();
    const cards = s ? cardErrorsOf(error, s, filedKeys(s), this.t) : null;
    this.cardErrors.set(cards?.cards ?? new Map());
    this.otherErrors.set([
      ...(cards?.top ?? []),
      ...Object.entries(fields)
        .filter(([f]) => !formFields.includes(f) && !(cards && f === 'clippings'))
        .flatMap(([, ms = []]) => ms),
    ]);
    // A 400 without field details carries its reason in the message: show it as is.
    this.error.set(error.statusCode === 404 ? reasonError(404, error.message) : describeApiError(error));
  }

  private clearErrors(): void {
    this.error.set(null);
    this.otherErrors.set([]);
    this.serverErrors.set({});
    this.cardErrors.set(new Map());
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import type { Publication } from '@jianbao/contracts';
import { issueDateWarning, latestIssueDate } from '@jianbao/contracts';
import { firstValueFrom, map } from 'rxjs';
import { AuthService } from '../../auth/auth.service';
import { PublicationsApi } from '../../publications/publications-api';
import { type ErrorText, describeApiError, fieldErrorsOf, toApiError } from '../../shared/api-error';
import { I18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/messages';
import { type HoldsUnsavedChanges, confirmUnload } from '../../shared/unsaved-changes';
import { ImportsApi } from '../imports-api';
import {
  type FileRead,
  type FilingOutcome,
  type IssueRow,
  type IssueRowState,
  duplicateImportId,
  fileSize,
  isPageFileName,
  missingLabels,
  newRow,
  pendingKeys,
  requeued,
  runProgress,
  skippedDuplicate,
  sortRows,
  updateRow,
  withLabel,
  withOutcome,
} from '../issue-run';
import { pageFileText } from '../page-file';

/** How a run ended, for the line under the progress bar. */
type RunEnd = 'finished' | 'stopped' | null;

/**
 * `/import/issue`: a whole issue at once. The editor picks several page files or a folder (or drops
 * them), chooses the publication and the issue date, checks the page labels read from the file names,
 * and files every page one by one through `POST /api/imports` — the wizard's request without
 * corrections, one transaction per page — with a progress bar and counts. A run can be stopped (the page
 * being filed finishes, the rest wait); failed pages can be retried; a page filed before (409) waits for
 * the editor to skip or replace it. Leaving while a run is going asks first.
 */
@Component({
  selector: 'jb-issue-import',
  imports: [ReactiveFormsModule, RouterLink],
  templateUrl: './issue-import.html',
  styleUrl: './issue-import.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(window:beforeunload)': 'onBeforeUnload($event)',
  },
})
export class IssueImport implements OnInit, HoldsUnsavedChanges {
  private readonly api = inject(ImportsApi);
  private readonly publicationsApi = inject(PublicationsApi);
  private readonly auth = inject(AuthService);
  protected readonly t = inject(I18n).t;
  readonly unsavedMessage = 'unsaved.issueImport' as const;

  protected readonly form = inject(FormBuilder).nonNullable.group({
    publicationId: new FormControl<number | null>(null, Validators.required),
    issueDate: ['', Validators.required],
  });
  private readonly formValue = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });

  protected readonly publications = signal<Publication[]>([]);
  protected readonly rows = signal<IssueRow[]>([]);
  /** The rows the current (or last) run set out to file. */
  protected readonly runKeys = signal<number[]>([]);
  protected readonly running = signal(false);
  protected readonly stopping = signal(false);
  protected readonly runEnd = signal<RunEnd>(null);
  protected readonly submitted = signal(false);
  /** Keys of the rows marked for a missing label when filing was refused. */
  protected readonly labelErrors = signal<ReadonlySet<number>>(new Set());
  protected readonly error = signal<ErrorText | null>(null);
  protected readonly canReplace = computed(() => this.auth.can('admin'));

  protected readonly progress = computed(() => runProgress(this.rows(), this.runKeys()));
  protected readonly percent = computed(() => {
    const p = this.progress();
    return p.total === 0 ? 0 : Math.round((p.done / p.total) * 100);
  });
  protected readonly counts = computed(() => {
    const rows = this.rows();
    const count = (...states: IssueRowState[]) => rows.filter((r) => states.includes(r.state)).length;
    return {
      total: rows.length,
      pending: count('pending'),
      skipped: count('skipped'),
      refused: count('notText', 'unreadable'),
      failed: count('failed'),
    };
  });
  private nextKey = 1;
  private destroyed = false;

  constructor() {
    // Leaving (after confirming) stops the run once the page being filed is answered.
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
    });
  }

  ngOnInit(): void {
    this.publicationsApi.list().subscribe({
      next: (list) => this.publications.set(list),
      error: (err: unknown) => this.error.set(describeApiError(toApiError(err))),
    });
  }

  /** A run is going: leaving would stop it half way. */
  hasUnsavedChanges(): boolean {
    return this.running();
  }

  protected onBeforeUnload(event: BeforeUnloadEvent): void {
    confirmUnload(event, this);
  }

  protected invalid(name: 'publicationId' | 'issueDate'): boolean {
    const c = this.form.controls[name];
    return c.invalid && (c.touched || this.submitted());
  }

  /** A warning under the issue date when it is before 1900 or beyond the year ahead the server accepts (as in the wizard). */
  protected dateWarning(): ErrorText | null {
    const date = this.formValue().issueDate;
    const now = new Date();
    const warning = issueDateWarning(date, now);
    return warning ? { key: `dateWarning.${warning}`, params: { date, max: latestIssueDate(now) } } : null;
  }

  protected stateKey(state: IssueRowState): MessageKey {
    return `issueImport.state.${state}`;
  }

  protected size(bytes: number): string {
    return fileSize(bytes);
  }

  // ----- picking files -----

  protected onFilesChosen(input: HTMLInputElement): void {
    const files = input.files ? Array.from(input.files) : [];
    input.value = '';
    void this.addFiles(files);
  }

  protected onDragOver(event: DragEvent): void {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  }

  protected onDrop(event: DragEvent): void {
    const files = event.dataTransfer ? Array.from(event.dataTransfer.files) : [];
    if (files.length === 0) return;
    event.preventDefault();
    void this.addFiles(files);
  }

  /** Reads the picked `.txt` files (the rest is listed as skipped) and adds a row for each, in name order. */
  private async addFiles(files: File[]): Promise<void> {
    const added = await Promise.all(
      files.map(async (file) => {
        const key = this.nextKey++;
        return isPageFileName(file.name) ? newRow(key, file, await readPageFile(file)) : newRow(key, file);
      }),
    );
    this.rows.update((rows) => sortRows([...rows, ...added]));
    this.error.set(null);
  }

  protected clear(): void {
    if (this.running()) return;
    this.rows.set([]);
    this.runKeys.set([]);
    this.runEnd.set(null);
    this.labelErrors.set(new Set());
    this.error.set(null);
  }

  protected onLabel(key: number, value: string): void {
    this.rows.update((rows) => updateRow(rows, key, (r) => withLabel(r, value)));
    if (value.trim() !== '') {
      this.labelErrors.update((keys) => new Set([...keys].filter((k) => k !== key)));
    }
  }

  // ----- filing -----

  /** Files every waiting page, one request at a time. */
  protected fileAll(): void {
    void this.run(pendingKeys(this.rows()), false);
  }

  /** Sends the failed pages again. */
  protected retryFailed(): void {
    const keys = this.rows()
      .filter((r) => r.state === 'failed')
      .map((r) => r.key);
    this.rows.update((rows) => rows.map((r) => (keys.includes(r.key) ? requeued(r) : r)));
    void this.run(keys, false);
  }

  protected retry(key: number): void {
    this.rows.update((rows) => updateRow(rows, key, requeued));
    void this.run([key], false);
  }

  /** Files a duplicate page again, replacing the earlier filing (admins; the editor chose it on this row). */
  protected replace(key: number): void {
    this.rows.update((rows) => updateRow(rows, key, requeued));
    void this.run([key], true);
  }

  protected skip(key: number): void {
    this.rows.update((rows) => updateRow(rows, key, skippedDuplicate));
  }

  /** The page being filed finishes; the rest stay waiting. */
  protected stop(): void {
    if (this.running()) this.stopping.set(true);
  }

  private async run(keys: number[], replace: boolean): Promise<void> {
    if (this.running()) return;
    this.submitted.set(true);
    this.form.markAllAsTouched();
    this.error.set(null);
    if (this.form.invalid) {
      this.error.set({ key: 'issueImport.checkFields', params: {} });
      return;
    }
    const missing = missingLabels(this.rows().filter((r) => keys.includes(r.key)));
    this.labelErrors.set(new Set(missing));
    if (missing.length > 0) {
      this.error.set({ key: 'issueImport.missingLabels', params: { count: missing.length } });
      return;
    }
    if (keys.length === 0) {
      this.error.set({ key: 'issueImport.nothingToFile', params: {} });
      return;
    }
    const { publicationId, issueDate } = this.form.getRawValue();
    this.runKeys.set(keys);
    this.runEnd.set(null);
    this.running.set(true);
    this.stopping.set(false);
    this.form.disable();
    try {
      for (const key of keys) {
        if (this.stopping() || this.destroyed) break;
        const row = this.rows().find((r) => r.key === key);
        if (!row || row.state !== 'pending' || row.text === null) continue;
        this.rows.update((rows) => updateRow(rows, key, (r) => ({ ...r, state: 'filing' })));
        const outcome = await this.send({
          text: row.text,
          publicationId: publicationId ?? 0,
          issueDate,
          pageLabel: row.label.trim(),
          replace,
        });
        this.rows.update((rows) => updateRow(rows, key, (r) => withOutcome(r, outcome)));
      }
    } finally {
      this.runEnd.set(this.progress().waiting > 0 ? 'stopped' : 'finished');
      this.running.set(false);
      this.stopping.set(false);
      this.form.enable();
    }
  }

  /** One page through `POST /api/imports`, as the wizard files it without corrections. */
  private async send(page: {
    text: string;
    publicationId: number;
    issueDate: string;
    pageLabel: string;
    replace: boolean;
  }): Promise<FilingOutcome> {
    const { replace, ...body } = page;
    try {
      const result = await firstValueFrom(
        this.api.create(replace ? { ...body, replace: true, replaceMode: 'carry-over' } : body),
      );
      return { kind: 'filed', result };
    } catch (err: unknown) {
      const error = toApiError(err);
      if (error.statusCode === 409 && !replace) {
        return { kind: 'duplicate', importId: duplicateImportId(error.details) };
      }
      const details = Object.values(fieldErrorsOf(error, this.t)).flatMap((ms) => ms ?? []);
      return { kind: 'failed', text: describeApiError(error), details };
    }
  }
}

/** A picked file's text, or why there is none (not UTF-8 text: the wizard's rule, `pageFileText`). */
function readPageFile(file: File): Promise<FileRead> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => {
      const text = reader.result instanceof ArrayBuffer ? pageFileText(reader.result) : null;
      resolve(text === null ? { kind: 'notText' } : { kind: 'text', text });
    };
    reader.onerror = () => resolve({ kind: 'unreadable' });
    reader.readAsArrayBuffer(file);
  });
}

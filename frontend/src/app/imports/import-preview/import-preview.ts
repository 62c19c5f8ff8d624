import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { FormBuilder, FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import type { ClippingKind, ImportPreview, Publication } from '@jianbao/contracts';
import {
  type ErrorText,
  type FieldErrors,
  describeApiError,
  fieldErrorsOf,
  toApiError,
} from '../../shared/api-error';
import { I18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/messages';
import { PublicationsApi } from '../../publications/publications-api';
import { clippingHeadline } from '../../clippings/clipping-text';
import { ImportsApi } from '../imports-api';

/** Paste one page of text and list the clippings the parser proposes (`POST /api/imports/preview`). */
@Component({
  selector: 'jb-import-preview',
  imports: [ReactiveFormsModule],
  templateUrl: './import-preview.html',
  styleUrl: './import-preview.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPreviewPage implements OnInit {
  private readonly api = inject(ImportsApi);
  private readonly publicationsApi = inject(PublicationsApi);
  protected readonly t = inject(I18n).t;

  protected readonly form = inject(FormBuilder).nonNullable.group({
    text: ['', Validators.required],
    publicationId: new FormControl<number | null>(null, Validators.required),
    issueDate: ['', Validators.required],
    pageLabel: ['', Validators.required],
  });
  protected readonly publications = signal<Publication[]>([]);
  protected readonly preview = signal<ImportPreview | null>(null);
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly error = signal<ErrorText | null>(null);
  protected readonly serverErrors = signal<FieldErrors>({});

  ngOnInit(): void {
    this.publicationsApi.list().subscribe({
      next: (list) => this.publications.set(list),
      error: (err: unknown) => this.error.set(describeApiError(toApiError(err))),
    });
  }

  protected showError(name: 'text' | 'publicationId' | 'issueDate' | 'pageLabel'): boolean {
    const c = this.form.controls[name];
    return c.invalid && (c.touched || this.submitted());
  }

  protected kindKey(kind: ClippingKind): MessageKey {
    return `kind.${kind}`;
  }

  protected headline(c: { title: string | null; body: string }): string {
    return clippingHeadline(c, 40);
  }

  protected bodyStart(body: string): string {
    const chars = Array.from(body.replace(/\s+/g, ' ').trim());
    return chars.length > 80 ? `${chars.slice(0, 80).join('')}…` : chars.join('');
  }

  protected submit(): void {
    this.submitted.set(true);
    this.form.markAllAsTouched();
    if (this.form.invalid || this.busy()) return;
    const v = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    this.serverErrors.set({});
    this.api
      .preview({
        text: v.text,
        publicationId: v.publicationId ?? 0,
        issueDate: v.issueDate,
        pageLabel: v.pageLabel.trim(),
      })
      .subscribe({
        next: (preview) => {
          this.busy.set(false);
          this.preview.set(preview);
        },
        error: (err: unknown) => {
          this.busy.set(false);
          this.preview.set(null);
          const apiError = toApiError(err);
          this.serverErrors.set(fieldErrorsOf(apiError));
          // A 404 here means the preview endpoint itself is missing (older server), not a deleted record.
          this.error.set(
            apiError.statusCode === 404
              ? { key: 'error.generic', params: { status: 404, message: apiError.message } }
              : describeApiError(apiError),
          );
        },
      });
  }
}

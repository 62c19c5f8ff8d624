import { ChangeDetectionStrategy, Component, OnInit, inject, input, output, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { ApiError, CreatePublicationBody, Publication } from '@jianbao/contracts';
import {
  type ErrorText,
  type FieldErrors,
  describeApiError,
  fieldErrorsOf,
  partitionFieldErrors,
  toApiError,
} from '../../shared/api-error';
import { I18n } from '../../shared/i18n/i18n';
import { blankToNull } from '../../shared/list-response';
import { PublicationsApi } from '../publications-api';

const CONTROLS = ['name', 'shortName', 'homeRegionCode', 'language', 'notes'] as const;

/** Create or edit one publication; a 409 (duplicate name) is shown beside the name field. */
@Component({
  selector: 'jb-publication-form',
  imports: [ReactiveFormsModule],
  templateUrl: './publication-form.html',
  styleUrl: './publication-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicationForm implements OnInit {
  private readonly api = inject(PublicationsApi);
  protected readonly t = inject(I18n).t;

  /** The publication to edit; absent to create one. */
  readonly publication = input<Publication | null>(null);
  /** Prefix of control ids, so several forms can live on one page with unique `<label for>`s. */
  readonly idPrefix = input('pub');
  readonly saved = output<Publication>();
  readonly cancelled = output<void>();

  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    shortName: [''],
    homeRegionCode: ['', Validators.pattern(/^\d{6}$/)],
    language: [''],
    notes: [''],
  });
  protected readonly saving = signal(false);
  protected readonly submitted = signal(false);
  protected readonly serverErrors = signal<FieldErrors>({});
  protected readonly duplicateName = signal(false);
  protected readonly topError = signal<ErrorText | null>(null);
  protected readonly otherErrors = signal<string[]>([]);

  ngOnInit(): void {
    const p = this.publication();
    if (p) {
      this.form.setValue({
        name: p.name,
        shortName: p.shortName ?? '',
        homeRegionCode: p.homeRegionCode ?? '',
        language: p.language,
        notes: p.notes ?? '',
      });
    }
    for (const name of CONTROLS) {
      this.form.controls[name].valueChanges.subscribe(() => this.clearServerError(name));
    }
  }

  protected id(control: string): string {
    return `${this.idPrefix()}-${control}`;
  }

  protected showClientError(control: (typeof CONTROLS)[number]): boolean {
    const c = this.form.controls[control];
    return c.invalid && (c.touched || this.submitted());
  }

  protected submit(): void {
    this.submitted.set(true);
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const v = this.form.getRawValue();
    const body: CreatePublicationBody = {
      name: v.name.trim(),
      shortName: blankToNull(v.shortName),
      homeRegionCode: blankToNull(v.homeRegionCode),
      notes: blankToNull(v.notes),
    };
    if (v.language.trim()) body.language = v.language.trim();
    const existing = this.publication();
    const request = existing ? this.api.update(existing.id, body) : this.api.create(body);
    this.saving.set(true);
    this.resetErrors();
    request.subscribe({
      next: (publication) => {
        this.saving.set(false);
        this.submitted.set(false);
        if (!existing) this.form.reset();
        this.saved.emit(publication);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.showError(toApiError(err));
      },
    });
  }

  private showError(error: ApiError): void {
    if (error.statusCode === 409) {
      this.duplicateName.set(true);
      return;
    }
    const { byControl, other } = partitionFieldErrors(fieldErrorsOf(error, this.t), CONTROLS);
    this.serverErrors.set(byControl);
    this.otherErrors.set(other);
    if (!Object.keys(byControl).length || other.length) this.topError.set(describeApiError(error));
  }

  private resetErrors(): void {
    this.serverErrors.set({});
    this.otherErrors.set([]);
    this.duplicateName.set(false);
    this.topError.set(null);
  }

  private clearServerError(control: string): void {
    if (control === 'name') this.duplicateName.set(false);
    if (this.serverErrors()[control]) {
      const { [control]: _removed, ...rest } = this.serverErrors();
      this.serverErrors.set(rest);
    }
  }
}

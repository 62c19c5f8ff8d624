import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { type AbstractControl, type FormControl, ReactiveFormsModule } from '@angular/forms';
import type { ApiError } from '@jianbao/contracts';
import { type ErrorText, fieldErrorsOf } from '../shared/api-error';
import { I18n } from '../shared/i18n/i18n';

/**
 * What the login, setup and change-password forms share: sending at most once at a time, the error
 * alert with the server's field messages, and "required" shown once a field is touched or the form
 * submitted.
 */
export abstract class AuthForm {
  protected readonly t = inject(I18n).t;
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly error = signal<ErrorText | null>(null);
  protected readonly details = signal<string[]>([]);

  /**
   * Marks the form submitted and touched; true when it may be sent: valid, not already sending, and —
   * given a new password and its repetition — the two equal.
   */
  protected begin(form: AbstractControl, newPassword?: { password: string; repeat: string }): boolean {
    this.submitted.set(true);
    form.markAllAsTouched();
    this.details.set([]);
    if (form.invalid || this.busy()) return false;
    if (newPassword && newPassword.password !== newPassword.repeat) {
      this.error.set({ key: 'auth.passwordsDiffer', params: {} });
      return false;
    }
    this.busy.set(true);
    this.error.set(null);
    return true;
  }

  /** The request failed: show `text`, and the server's messages per field when it sent any. */
  protected failed(text: ErrorText, api?: ApiError): void {
    this.busy.set(false);
    this.error.set(text);
    this.details.set(api ? Object.values(fieldErrorsOf(api, this.t)).flatMap((m) => m ?? []) : []);
  }
}

/** One labelled input of an account form, with its "required" message. */
@Component({
  selector: 'jb-auth-field',
  imports: [ReactiveFormsModule],
  host: { class: 'field' },
  template: `
    <label [for]="fieldId()">{{ label() }}</label>
    <input
      [id]="fieldId()"
      [type]="type()"
      [formControl]="control()"
      [attr.autocomplete]="autocomplete()"
      [attr.autocapitalize]="type() === 'text' ? 'none' : null"
      [attr.spellcheck]="type() === 'text' ? 'false' : null"
      [attr.aria-invalid]="missing()"
    />
    @if (missing()) {
      <p class="field-error">{{ t('common.required') }}</p>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuthField {
  protected readonly t = inject(I18n).t;
  readonly control = input.required<FormControl<string>>();
  readonly fieldId = input.required<string>();
  readonly label = input.required<string>();
  readonly type = input<'text' | 'password'>('password');
  readonly autocomplete = input.required<string>();
  /** Whether the form has been submitted (a required field then shows its message untouched too). */
  readonly submitted = input(false);

  protected missing(): boolean {
    const c = this.control();
    return c.invalid && (c.touched || this.submitted());
  }
}

/** The error alert of an account form: the sentence, then the server's messages, if any. */
@Component({
  selector: 'jb-auth-alert',
  template: `
    @if (error(); as err) {
      <div class="alert error" role="alert">
        <p>{{ t(err.key, err.params) }}</p>
        @if (details().length) {
          <ul>
            @for (m of details(); track $index) {
              <li>{{ m }}</li>
            }
          </ul>
        }
      </div>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuthAlert {
  protected readonly t = inject(I18n).t;
  readonly error = input<ErrorText | null>(null);
  readonly details = input<string[]>([]);
}

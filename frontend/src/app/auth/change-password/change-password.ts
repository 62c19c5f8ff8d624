import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { type ErrorText, describeApiError, fieldErrorsOf, toApiError } from '../../shared/api-error';
import { I18n } from '../../shared/i18n/i18n';
import { AuthApi } from '../auth-api';

/** Dialog (opened from the user menu): the current password, the new one twice. */
@Component({
  selector: 'jb-change-password',
  imports: [ReactiveFormsModule],
  templateUrl: './change-password.html',
  styleUrl: './change-password.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(keydown.escape)': 'closed.emit()' },
})
export class ChangePassword {
  private readonly api = inject(AuthApi);
  protected readonly t = inject(I18n).t;
  readonly closed = output<void>();

  protected readonly form = inject(FormBuilder).nonNullable.group({
    currentPassword: ['', Validators.required],
    newPassword: ['', Validators.required],
    repeat: ['', Validators.required],
  });
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly done = signal(false);
  protected readonly error = signal<ErrorText | null>(null);
  protected readonly details = signal<string[]>([]);

  protected submit(): void {
    this.submitted.set(true);
    this.form.markAllAsTouched();
    this.details.set([]);
    if (this.form.invalid || this.busy()) return;
    const { currentPassword, newPassword, repeat } = this.form.getRawValue();
    if (newPassword !== repeat) {
      this.error.set({ key: 'auth.passwordsDiffer', params: {} });
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.api.changePassword({ currentPassword, newPassword }).subscribe({
      next: () => {
        this.busy.set(false);
        this.done.set(true);
        this.form.reset();
        this.submitted.set(false);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        const api = toApiError(err);
        const fields = fieldErrorsOf(api);
        if (api.statusCode === 400 && /current password/i.test(api.message))
          this.error.set({ key: 'password.wrongCurrent', params: {} });
        else this.error.set(describeApiError(api));
        this.details.set(Object.values(fields).flatMap((m) => m ?? []));
      },
    });
  }

  protected missing(control: 'currentPassword' | 'newPassword' | 'repeat'): boolean {
    const c = this.form.controls[control];
    return c.invalid && (c.touched || this.submitted());
  }
}

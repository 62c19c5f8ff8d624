import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { describeApiError, toApiError } from '../../shared/api-error';
import { AuthAlert, AuthField, AuthForm } from '../auth-form';
import { AuthApi } from '../auth-api';

/** Dialog (opened from the user menu): the current password, the new one twice. */
@Component({
  selector: 'jb-change-password',
  imports: [ReactiveFormsModule, AuthField, AuthAlert],
  templateUrl: './change-password.html',
  styleUrl: './change-password.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(keydown.escape)': 'closed.emit()' },
})
export class ChangePassword extends AuthForm {
  private readonly api = inject(AuthApi);
  readonly closed = output<void>();

  protected readonly form = inject(FormBuilder).nonNullable.group({
    currentPassword: ['', Validators.required],
    newPassword: ['', Validators.required],
    repeat: ['', Validators.required],
  });
  protected readonly done = signal(false);

  protected submit(): void {
    const { currentPassword, newPassword, repeat } = this.form.getRawValue();
    if (!this.begin(this.form, { password: newPassword, repeat })) return;
    this.api.changePassword({ currentPassword, newPassword }).subscribe({
      next: () => {
        this.busy.set(false);
        this.done.set(true);
        this.form.reset();
        this.submitted.set(false);
      },
      error: (err: unknown) => {
        const api = toApiError(err);
        const wrongCurrent = api.statusCode === 400 && /current password/i.test(api.message);
        this.failed(wrongCurrent ? { key: 'password.wrongCurrent', params: {} } : describeApiError(api), api);
      },
    });
  }
}

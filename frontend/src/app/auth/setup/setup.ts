import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { toApiError } from '../../shared/api-error';
import { AuthAlert, AuthField, AuthForm } from '../auth-form';
import { AuthService } from '../auth.service';
import { loginErrorText } from '../login/login-error';

/** The one-time setup screen of a fresh install: creates the first admin and logs in as them. */
@Component({
  selector: 'jb-setup',
  imports: [ReactiveFormsModule, AuthField, AuthAlert],
  templateUrl: './setup.html',
  styleUrl: '../auth-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Setup extends AuthForm {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    username: ['', Validators.required],
    password: ['', Validators.required],
    repeat: ['', Validators.required],
  });

  protected submit(): void {
    const { username, password, repeat } = this.form.getRawValue();
    if (!this.begin(this.form, { password, repeat })) return;
    this.auth.setup({ username, password }).subscribe({
      next: () => {
        this.busy.set(false);
        void this.router.navigateByUrl('/');
      },
      error: (err: unknown) => {
        this.busy.set(false);
        const api = toApiError(err);
        if (api.statusCode === 409 || api.statusCode === 403) {
          // Someone else finished setup meanwhile: this screen is gone for good.
          void this.auth.refreshSetupRequired().then(() => this.router.navigateByUrl('/login'));
          return;
        }
        this.failed(loginErrorText(err), api);
      },
    });
  }
}

import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { type ErrorText, fieldErrorsOf, toApiError } from '../../shared/api-error';
import { I18n } from '../../shared/i18n/i18n';
import { AuthService } from '../auth.service';
import { loginErrorText } from '../login/login-error';

/** The one-time setup screen of a fresh install: creates the first admin and logs in as them. */
@Component({
  selector: 'jb-setup',
  imports: [ReactiveFormsModule],
  templateUrl: './setup.html',
  styleUrl: '../auth-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Setup {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly t = inject(I18n).t;

  protected readonly form = inject(FormBuilder).nonNullable.group({
    username: ['', Validators.required],
    password: ['', Validators.required],
    repeat: ['', Validators.required],
  });
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly error = signal<ErrorText | null>(null);
  protected readonly details = signal<string[]>([]);

  protected submit(): void {
    this.submitted.set(true);
    this.form.markAllAsTouched();
    this.details.set([]);
    if (this.form.invalid || this.busy()) return;
    const { username, password, repeat } = this.form.getRawValue();
    if (password !== repeat) {
      this.error.set({ key: 'auth.passwordsDiffer', params: {} });
      return;
    }
    this.busy.set(true);
    this.error.set(null);
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
        this.error.set(loginErrorText(err));
        this.details.set(Object.values(fieldErrorsOf(api)).flatMap((m) => m ?? []));
      },
    });
  }

  protected missing(control: 'username' | 'password' | 'repeat'): boolean {
    const c = this.form.controls[control];
    return c.invalid && (c.touched || this.submitted());
  }
}

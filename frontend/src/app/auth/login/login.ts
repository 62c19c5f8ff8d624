import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { AuthAlert, AuthField, AuthForm } from '../auth-form';
import { AuthService } from '../auth.service';
import { safeReturnUrl } from '../roles';
import { loginErrorText } from './login-error';

/** The login form; afterwards back to where the user was sent from (`?returnUrl=`). */
@Component({
  selector: 'jb-login',
  imports: [ReactiveFormsModule, AuthField, AuthAlert],
  templateUrl: './login.html',
  styleUrl: '../auth-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Login extends AuthForm {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** Bound from the query string by the router. */
  readonly returnUrl = input<string | undefined>();

  protected readonly form = inject(FormBuilder).nonNullable.group({
    username: ['', Validators.required],
    password: ['', Validators.required],
  });
  protected submit(): void {
    if (!this.begin(this.form)) return;
    this.auth.login(this.form.getRawValue()).subscribe({
      next: () => {
        this.busy.set(false);
        void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
      },
      error: (err: unknown) => {
        this.form.controls.password.reset();
        this.failed(loginErrorText(err));
      },
    });
  }
}

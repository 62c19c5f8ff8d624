import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import {
  PASSWORD_MIN_LENGTH,
  type Role,
  USERNAME_PATTERN,
  type UpdateUserBody,
  type User,
} from '@jianbao/contracts';
import { AuthService } from '../../auth/auth.service';
import { ROLES, isRole } from '../../auth/roles';
import {
  type ErrorText,
  type FieldErrors,
  describeApiError,
  fieldErrorsOf,
  partitionFieldErrors,
  toApiError,
} from '../../shared/api-error';
import { I18n } from '../../shared/i18n/i18n';
import { UsersApi } from './users-api';

/** Users (admin): list, create with a role, change role, disable/enable, reset a password. */
@Component({
  selector: 'jb-user-list',
  imports: [ReactiveFormsModule, DatePipe],
  templateUrl: './user-list.html',
  styleUrl: './user-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserList implements OnInit {
  private readonly api = inject(UsersApi);
  private readonly auth = inject(AuthService);
  protected readonly t = inject(I18n).t;
  protected readonly roles = ROLES;

  protected readonly users = signal<User[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<ErrorText | null>(null);
  protected readonly details = signal<string[]>([]);
  /** The server's messages for a field of the create or reset form, shown under it (it turns red). */
  protected readonly fieldErrors = signal<FieldErrors>({});
  protected readonly passwordMin = PASSWORD_MIN_LENGTH;
  protected readonly notice = signal<string | null>(null);
  protected readonly creating = signal(false);
  protected readonly busyId = signal<number | null>(null);
  /** The user whose password is being reset (inline form in their row). */
  protected readonly resettingId = signal<number | null>(null);
  protected readonly meId = computed(() => this.auth.user()?.id ?? null);

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly createForm = this.fb.group({
    username: ['', [Validators.required, Validators.pattern(USERNAME_PATTERN)]],
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
    role: this.fb.control<Role>('editor'),
  });
  protected readonly resetForm = this.fb.group({
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
  });

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.api.list().subscribe({
      next: (list) => {
        this.users.set(list);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.fail(err);
        this.loading.set(false);
      },
    });
  }

  protected startCreate(): void {
    this.notice.set(null);
    this.createForm.reset({ username: '', password: '', role: 'editor' });
    this.creating.set(true);
  }

  protected create(): void {
    this.createForm.markAllAsTouched();
    if (this.createForm.invalid) return;
    this.clearMessages();
    this.api.create(this.createForm.getRawValue()).subscribe({
      next: (user) => {
        this.creating.set(false);
        this.users.update((list) => [...list, user]);
        this.notice.set(this.t('users.created', { name: user.username }));
      },
      error: (err: unknown) => this.fail(err),
    });
  }

  protected changeRole(user: User, select: HTMLSelectElement): void {
    const value = select.value;
    if (!isRole(value) || value === user.role) return;
    // Refused: the <select> must show the role the user still has.
    this.save(user, { role: value }, 'users.updated', () => (select.value = user.role));
  }

  protected toggleDisabled(user: User): void {
    this.save(user, { disabled: !user.disabled }, 'users.updated');
  }

  protected startReset(user: User): void {
    this.resetForm.reset();
    this.resettingId.set(user.id);
  }

  protected resetPassword(user: User): void {
    this.resetForm.markAllAsTouched();
    if (this.resetForm.invalid) return;
    this.save(user, { password: this.resetForm.getRawValue().password }, 'users.passwordReset');
  }

  protected roleLabel(role: Role): string {
    return this.t(`role.${role}`);
  }

  private save(
    user: User,
    body: UpdateUserBody,
    done: 'users.updated' | 'users.passwordReset',
    undo?: () => void,
  ): void {
    this.clearMessages();
    this.busyId.set(user.id);
    this.api.update(user.id, body).subscribe({
      next: (updated) => {
        this.busyId.set(null);
        this.resettingId.set(null);
        this.users.update((list) => list.map((u) => (u.id === updated.id ? updated : u)));
        this.notice.set(this.t(done, { name: updated.username }));
      },
      error: (err: unknown) => {
        this.busyId.set(null);
        undo?.();
        this.fail(err);
        this.load(); // the user may have changed meanwhile: show what the server has
      },
    });
  }

  /** Red when the field breaks a rule (once touched) or the server refused it. */
  protected invalid(form: 'create' | 'reset', name: 'username' | 'password'): boolean {
    const control =
      form === 'create'
        ? this.createForm.controls[name]
        : name === 'password'
          ? this.resetForm.controls.password
          : null;
    return !!control && ((control.invalid && control.touched) || !!this.fieldErrors()[name]);
  }

  /** The field's own message: the rule it breaks, else what the server said about it. */
  protected clientError(name: 'username' | 'password', control: { errors: unknown }): string | null {
    const errors = control.errors as Record<string, unknown> | null;
    if (!errors) return null;
    if (errors['required']) return this.t('common.required');
    if (name === 'username') return this.t('validation.username');
    return this.t('validation.minLength', {
      field: this.t('validation.field.password'),
      min: PASSWORD_MIN_LENGTH,
    });
  }

  protected clearFieldError(name: string): void {
    if (!this.fieldErrors()[name]) return;
    const { [name]: _gone, ...rest } = this.fieldErrors();
    this.fieldErrors.set(rest);
  }

  private clearMessages(): void {
    this.error.set(null);
    this.details.set([]);
    this.fieldErrors.set({});
    this.notice.set(null);
  }

  private fail(err: unknown): void {
    const api = toApiError(err);
    this.error.set(describeApiError(api));
    // Fields of an open form show their message beside them; only the rest is listed in the alert.
    const open = this.creating() ? ['username', 'password'] : this.resettingId() !== null ? ['password'] : [];
    const { byControl, other } = partitionFieldErrors(fieldErrorsOf(api, this.t), open);
    this.fieldErrors.set(byControl);
    this.details.set(other);
  }
}

import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { Role, UpdateUserBody, User } from '@jianbao/contracts';
import { AuthService } from '../../auth/auth.service';
import { ROLES, isRole } from '../../auth/roles';
import { type ErrorText, describeApiError, fieldErrorsOf, toApiError } from '../../shared/api-error';
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
  protected readonly notice = signal<string | null>(null);
  protected readonly creating = signal(false);
  protected readonly busyId = signal<number | null>(null);
  /** The user whose password is being reset (inline form in their row). */
  protected readonly resettingId = signal<number | null>(null);
  protected readonly meId = computed(() => this.auth.user()?.id ?? null);

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly createForm = this.fb.group({
    username: ['', Validators.required],
    password: ['', Validators.required],
    role: this.fb.control<Role>('editor'),
  });
  protected readonly resetForm = this.fb.group({ password: ['', Validators.required] });

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

  private clearMessages(): void {
    this.error.set(null);
    this.details.set([]);
    this.notice.set(null);
  }

  private fail(err: unknown): void {
    const api = toApiError(err);
    this.error.set(describeApiError(api));
    this.details.set(Object.values(fieldErrorsOf(api, this.t)).flatMap((m) => m ?? []));
  }
}

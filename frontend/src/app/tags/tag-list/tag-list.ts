import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { ApiError, Tag } from '@jianbao/contracts';
import { type ErrorText, describeApiError, fieldErrorsOf, toApiError } from '../../shared/api-error';
import { I18n } from '../../shared/i18n/i18n';
import { flattenTagTree } from '../tag-tree';
import { TagsApi } from '../tags-api';

/** Tags: the tree as an indented list, create under any parent, rename inline, delete with confirmation. */
@Component({
  selector: 'jb-tag-list',
  imports: [ReactiveFormsModule],
  templateUrl: './tag-list.html',
  styleUrl: './tag-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TagList implements OnInit {
  private readonly api = inject(TagsApi);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly t = inject(I18n).t;

  protected readonly tags = signal<Tag[]>([]);
  protected readonly rows = computed(() => flattenTagTree(this.tags()));
  protected readonly loading = signal(true);
  protected readonly error = signal<ErrorText | null>(null);

  protected readonly createForm = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    parentId: this.fb.control<number | null>(null),
    color: ['#b4232a'],
  });
  protected readonly createErrors = signal<string[]>([]);
  protected readonly createDuplicate = signal(false);

  protected readonly renamingId = signal<number | null>(null);
  protected readonly renameControl = this.fb.control('', [Validators.required, Validators.maxLength(100)]);
  protected readonly renameErrors = signal<string[]>([]);
  protected readonly renameDuplicate = signal(false);
  protected readonly confirmingId = signal<number | null>(null);

  ngOnInit(): void {
    this.load();
    this.createForm.controls.name.valueChanges.subscribe(() => {
      this.createErrors.set([]);
      this.createDuplicate.set(false);
    });
    this.renameControl.valueChanges.subscribe(() => {
      this.renameErrors.set([]);
      this.renameDuplicate.set(false);
    });
  }

  protected load(): void {
    this.loading.set(true);
    this.api.list().subscribe({
      next: (tags) => {
        this.tags.set(tags);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.error.set(describeApiError(toApiError(err)));
      },
    });
  }

  protected create(): void {
    this.createForm.markAllAsTouched();
    if (this.createForm.invalid) return;
    const v = this.createForm.getRawValue();
    this.api.create({ name: v.name.trim(), parentId: v.parentId, color: v.color || null }).subscribe({
      next: (tag) => {
        this.tags.update((list) => [...list, tag]);
        this.createForm.reset({ name: '', parentId: v.parentId, color: v.color });
      },
      error: (err: unknown) => this.showFieldError(toApiError(err), this.createErrors, this.createDuplicate),
    });
  }

  protected startRename(tag: Tag): void {
    this.confirmingId.set(null);
    this.renamingId.set(tag.id);
    this.renameControl.reset(tag.name);
  }

  protected rename(tag: Tag): void {
    if (this.renameControl.invalid) return;
    this.api.update(tag.id, { name: this.renameControl.value.trim() }).subscribe({
      next: (updated) => {
        this.tags.update((list) => list.map((t) => (t.id === updated.id ? updated : t)));
        this.renamingId.set(null);
      },
      error: (err: unknown) => this.showFieldError(toApiError(err), this.renameErrors, this.renameDuplicate),
    });
  }

  protected remove(tag: Tag): void {
    this.error.set(null);
    this.api.remove(tag.id).subscribe({
      next: () => {
        this.confirmingId.set(null);
        // Children may have been deleted or re-parented by the server: fetch the tree again.
        this.load();
      },
      error: (err: unknown) => {
        this.confirmingId.set(null);
        this.error.set(describeApiError(toApiError(err)));
      },
    });
  }

  protected parentName(tag: Tag): string {
    return this.tags().find((t) => t.id === tag.parentId)?.name ?? '';
  }

  private showFieldError(
    error: ApiError,
    messages: { set(value: string[]): void },
    duplicate: { set(value: boolean): void },
  ): void {
    if (error.statusCode === 409) {
      duplicate.set(true);
      return;
    }
    const byField = fieldErrorsOf(error);
    const list = Object.values(byField).flatMap((m) => m ?? []);
    if (list.length) messages.set(list);
    else this.error.set(describeApiError(error));
  }
}

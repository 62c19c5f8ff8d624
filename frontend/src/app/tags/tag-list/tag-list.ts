import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { ApiError, Tag, TagDeleteMode } from '@jianbao/contracts';
import { type ErrorText, describeApiError, fieldErrorsOf, toApiError } from '../../shared/api-error';
import { Can } from '../../auth/can';
import { I18n } from '../../shared/i18n/i18n';
import { TagRuleEditor } from '../tag-rule-editor/tag-rule-editor';
import { canMoveTo, clippingCountOf, flattenTagTree, mergeTargets, moveTargets } from '../tag-tree';
import { TagsApi } from '../tags-api';

/** What one row is doing right now; only one row is busy at a time. */
export type TagOp = 'rename' | 'child' | 'move' | 'merge' | 'delete' | 'rule';

/**
 * The tag manager: the tree with colour swatches (a colour picker each), create at the top or as a
 * child, rename inline, move under another tag (never under its own subtree), merge into another tag
 * after confirmation, delete with a choice for the clippings, and each tag's auto-tagging rule.
 */
@Component({
  selector: 'jb-tag-list',
  imports: [ReactiveFormsModule, TagRuleEditor, Can],
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
  protected readonly countOf = clippingCountOf;

  protected readonly createForm = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    parentId: this.fb.control<number | null>(null),
    color: ['#b4232a'],
  });
  protected readonly createErrors = signal<string[]>([]);
  protected readonly createDuplicate = signal(false);

  /** The row being worked on and how. */
  protected readonly active = signal<{ id: number; op: TagOp } | null>(null);
  /** Text of the rename / new-child field. */
  protected readonly nameControl = this.fb.control('', [Validators.required, Validators.maxLength(100)]);
  /** Chosen parent (move; '' = top level) or merge target. */
  protected readonly target = signal<string>('');
  protected readonly mergeConfirming = signal(false);
  protected readonly opErrors = signal<string[]>([]);
  protected readonly opDuplicate = signal(false);
  protected readonly busy = signal(false);

  protected readonly activeTag = computed(() => {
    const a = this.active();
    return a ? (this.tags().find((t) => t.id === a.id) ?? null) : null;
  });
  protected readonly moveOptions = computed(() => {
    const a = this.active();
    return a?.op === 'move' ? moveTargets(this.tags(), a.id) : [];
  });
  protected readonly mergeOptions = computed(() => {
    const a = this.active();
    return a?.op === 'merge' ? mergeTargets(this.tags(), a.id).filter((r) => r.tag.id !== a.id) : [];
  });
  protected readonly mergeInto = computed(() => {
    const id = Number(this.target());
    return this.mergeOptions().find((r) => r.tag.id === id)?.tag ?? null;
  });

  ngOnInit(): void {
    this.load();
    this.createForm.controls.name.valueChanges.subscribe(() => {
      this.createErrors.set([]);
      this.createDuplicate.set(false);
    });
    this.nameControl.valueChanges.subscribe(() => {
      this.opErrors.set([]);
      this.opDuplicate.set(false);
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

  protected isActive(id: number, op: TagOp): boolean {
    const a = this.active();
    return a !== null && a.id === id && a.op === op;
  }

  protected start(tag: Tag, op: TagOp): void {
    if (this.isActive(tag.id, op)) {
      this.stop();
      return;
    }
    this.active.set({ id: tag.id, op });
    this.opErrors.set([]);
    this.opDuplicate.set(false);
    this.mergeConfirming.set(false);
    this.nameControl.reset(op === 'rename' ? tag.name : '');
    this.target.set(op === 'move' ? String(tag.parentId ?? '') : '');
  }

  protected stop(): void {
    this.active.set(null);
    this.busy.set(false);
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

  protected createChild(parent: Tag): void {
    const name = this.nameControl.value.trim();
    if (!name || this.busy()) return;
    this.busy.set(true);
    this.api.create({ name, parentId: parent.id, color: parent.color }).subscribe({
      next: (tag) => {
        this.tags.update((list) => [...list, tag]);
        this.stop();
      },
      error: (err: unknown) => this.failOp(toApiError(err)),
    });
  }

  protected rename(tag: Tag): void {
    const name = this.nameControl.value.trim();
    if (!name || this.busy()) return;
    if (name === tag.name) {
      this.stop();
      return;
    }
    this.busy.set(true);
    this.api.update(tag.id, { name }).subscribe({
      next: (updated) => {
        this.replace(updated);
        this.stop();
      },
      error: (err: unknown) => this.failOp(toApiError(err)),
    });
  }

  protected setColor(tag: Tag, color: string): void {
    if (color === tag.color) return;
    const before = tag.color;
    this.replace({ ...tag, color });
    this.api.update(tag.id, { color }).subscribe({
      next: (updated) => this.replace(updated),
      error: (err: unknown) => {
        this.replace({ ...tag, color: before });
        this.error.set(describeApiError(toApiError(err)));
      },
    });
  }

  protected move(tag: Tag): void {
    const value = this.target();
    const parentId = value === '' ? null : Number(value);
    if (parentId === tag.parentId) {
      this.stop();
      return;
    }
    // The select only offers valid parents; this guards stale lists and hand-edited values.
    if (!canMoveTo(this.tags(), tag.id, parentId)) {
      this.opErrors.set([this.t('tagmgr.moveInvalid')]);
      return;
    }
    this.busy.set(true);
    this.api.update(tag.id, { parentId }).subscribe({
      next: (updated) => {
        this.replace(updated);
        this.stop();
      },
      error: (err: unknown) => this.failOp(toApiError(err)),
    });
  }

  protected merge(tag: Tag): void {
    const into = this.mergeInto();
    if (!into || this.busy()) return;
    this.busy.set(true);
    this.api.merge(tag.id, into.id).subscribe({
      next: () => {
        this.stop();
        // The merged tag is gone and its children moved: fetch the tree again.
        this.load();
      },
      error: (err: unknown) => {
        this.mergeConfirming.set(false);
        this.failOp(toApiError(err));
      },
    });
  }

  protected remove(tag: Tag, mode: TagDeleteMode): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.remove(tag.id, mode).subscribe({
      next: () => {
        this.stop();
        // Children may have been deleted or re-parented by the server: fetch the tree again.
        this.load();
      },
      error: (err: unknown) => this.failOp(toApiError(err)),
    });
  }

  protected replace(updated: Tag): void {
    this.tags.update((list) => list.map((t) => (t.id === updated.id ? updated : t)));
  }

  protected parentName(tag: Tag): string | null {
    return this.tags().find((t) => t.id === tag.parentId)?.name ?? null;
  }

  private failOp(error: ApiError): void {
    this.busy.set(false);
    this.showFieldError(error, this.opErrors, this.opDuplicate);
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
    const byField = fieldErrorsOf(error, this.t);
    const list = Object.values(byField).flatMap((m) => m ?? []);
    if (list.length) messages.set(list);
    else {
      const text = describeApiError(error);
      messages.set([this.t(text.key, text.params)]);
    }
  }
}

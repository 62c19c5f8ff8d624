import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  model,
  output,
  signal,
} from '@angular/core';
import type { ClippingKind, ClippingStatus, Publication, Region } from '@jianbao/contracts';
import { type ErrorText, describeApiError, fieldErrorsOf, toApiError } from '../../shared/api-error';
import { I18n } from '../../shared/i18n/i18n';
import { LongAction, tookText } from '../../shared/progress/long-action';
import { countText } from '../../shared/progress/elapsed';
import type { MessageKey } from '../../shared/i18n/messages';
import { RegionPicker, regionOptionLabel } from '../../regions/region-picker/region-picker';
import type { TagRow } from '../../tags/tag-tree';
import {
  BULK_ACTION_TYPES,
  type BulkAction,
  type BulkActionType,
  type BulkSelection,
  NO_SELECTION,
  bulkBody,
  hasSelection,
  selectAllMatching,
  selectedCount,
} from '../bulk-selection';
import { CLIPPING_KINDS, CLIPPING_STATUSES } from '@jianbao/contracts';
import type { ClippingListParams } from '../clipping-list-state';
import { ClippingsApi } from '../clippings-api';

type Step =
  | { step: 'idle' }
  | { step: 'counting' }
  | { step: 'confirm'; matched: number; action: BulkAction }
  | { step: 'applying'; matched: number; startedAt: number }
  | { step: 'done'; updated: number; took: string }
  | { step: 'failed'; error: ErrorText; details: string[] };

/**
 * The clippings list's bulk-edit bar: what is selected (ticked rows, or all N matching the filter),
 * one action with its value, then a dry run whose count the editor confirms ("将修改 N 条剪报")
 * before the edit is applied. Emits `applied` so the list reloads.
 */
@Component({
  selector: 'jb-bulk-edit-bar',
  imports: [RegionPicker, NgTemplateOutlet, LongAction],
  templateUrl: './bulk-edit-bar.html',
  styleUrl: './bulk-edit-bar.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BulkEditBar {
  private readonly api = inject(ClippingsApi);
  protected readonly t = inject(I18n).t;

  readonly selection = model<BulkSelection>(NO_SELECTION);
  /** The list's current params (the filter "all matching" refers to). */
  readonly params = input.required<ClippingListParams>();
  /** Total number of clippings matching the filter. */
  readonly total = input.required<number>();
  /** The total as the list shows it (`10,000+` when the server stopped counting). */
  readonly totalText = input<string | null>(null);
  readonly tagRows = input<TagRow[]>([]);
  readonly publications = input<Publication[]>([]);
  readonly applied = output<number>();

  protected readonly actionTypes = BULK_ACTION_TYPES;
  protected readonly kinds = CLIPPING_KINDS;
  protected readonly statuses = CLIPPING_STATUSES;
  protected readonly type = signal<BulkActionType | ''>('');
  protected readonly value = signal('');
  protected readonly region = signal<Region | null>(null);
  protected readonly state = signal<Step>({ step: 'idle' });
  protected readonly regionLabel = regionOptionLabel;
  protected readonly countText = countText;

  protected readonly count = computed(() => selectedCount(this.selection()));
  protected readonly any = computed(() => hasSelection(this.selection()));
  protected readonly all = computed(() => this.selection().kind === 'all');
  protected readonly action = computed<BulkAction | null>(() => {
    const type = this.type();
    const value = this.value();
    const id = Number(value);
    const validId = value !== '' && Number.isSafeInteger(id) && id > 0;
    switch (type) {
      case '':
        return null;
      case 'addTag':
      case 'removeTag':
        return validId ? { type, tagId: id } : null;
      case 'addRegion':
      case 'removeRegion': {
        const region = this.region();
        return region ? { type, code: region.code } : null;
      }
      case 'kind': {
        const kind = CLIPPING_KINDS.find((k) => k === value);
        return kind ? { type, kind } : null;
      }
      case 'status': {
        const status = CLIPPING_STATUSES.find((s) => s === value);
        return status ? { type, status } : null;
      }
      case 'publication':
        return validId ? { type, publicationId: id } : null;
    }
  });
  protected readonly busy = computed(() => {
    const s = this.state().step;
    return s === 'counting' || s === 'applying';
  });

  protected actionKey(type: BulkActionType): MessageKey {
    return `bulk.action.${type}`;
  }

  protected kindKey(kind: ClippingKind): MessageKey {
    return `kind.${kind}`;
  }

  protected statusKey(status: ClippingStatus): MessageKey {
    return `status.${status}`;
  }

  protected setType(value: string): void {
    this.type.set(BULK_ACTION_TYPES.find((t) => t === value) ?? '');
    this.value.set('');
    this.region.set(null);
    this.resetStep();
  }

  protected setValue(value: string): void {
    this.value.set(value);
    this.resetStep();
  }

  protected setRegion(region: Region | null): void {
    this.region.set(region);
    this.resetStep();
  }

  protected selectAll(): void {
    this.selection.set(selectAllMatching(this.total()));
    this.resetStep();
  }

  protected clear(): void {
    this.selection.set(NO_SELECTION);
    this.resetStep();
  }

  /** Step 1: dry run, so the editor sees how many clippings will change. */
  protected preview(): void {
    const action = this.action();
    if (!action || !this.any() || this.busy()) return;
    this.state.set({ step: 'counting' });
    this.api.bulk(bulkBody(this.selection(), this.params(), action, true)).subscribe({
      next: (r) => this.state.set({ step: 'confirm', matched: r.matched, action }),
      error: (err: unknown) => this.fail(err),
    });
  }

  /** Step 2, after confirmation. */
  protected confirm(action: BulkAction, matched: number): void {
    const startedAt = Date.now();
    this.state.set({ step: 'applying', matched, startedAt });
    this.api.bulk(bulkBody(this.selection(), this.params(), action, false)).subscribe({
      next: (r) => {
        this.state.set({ step: 'done', updated: r.updated, took: tookText(this.t, startedAt, Date.now()) });
        this.selection.set(NO_SELECTION);
        this.applied.emit(r.updated);
      },
      error: (err: unknown) => this.fail(err),
    });
  }

  protected resetStep(): void {
    if (!this.busy()) this.state.set({ step: 'idle' });
  }

  private fail(err: unknown): void {
    const error = toApiError(err);
    const details = Object.values(fieldErrorsOf(error, this.t)).flatMap((messages) => messages ?? []);
    this.state.set({ step: 'failed', error: describeApiError(error), details });
  }
}

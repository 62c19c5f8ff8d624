import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import type { Publication } from '@jianbao/contracts';
import { I18n } from '../../../shared/i18n/i18n';
import type { MessageKey } from '../../../shared/i18n/messages';
import {
  type ClippingDraft,
  type DraftChoices,
  type DraftField,
  type DraftMerge,
  TEXT_FIELDS,
  draftValueText,
  mergeDrafts,
  parseDraftText,
} from '../clipping-draft';
import { CLIPPING_FIELD_LABELS } from '../../clipping-field-labels';
import { resolveMerge, unresolved } from '../field-merge';

const LABELS: Record<DraftField, MessageKey> = CLIPPING_FIELD_LABELS;

/**
 * After a 409: base (what the editor started from), theirs (saved meanwhile) and mine, field by
 * field. One-sided changes are taken automatically; for fields both changed the editor picks mine,
 * theirs, or types a value; then `resolved` gives the merged draft to save on top of theirs.
 */
@Component({
  selector: 'jb-merge-view',
  templateUrl: './merge-view.html',
  styleUrl: './merge-view.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MergeView {
  protected readonly t = inject(I18n).t;

  readonly base = input.required<ClippingDraft>();
  readonly theirs = input.required<ClippingDraft>();
  readonly mine = input.required<ClippingDraft>();
  /** The version saved meanwhile (what the merged save will be based on). */
  readonly theirsVersion = input.required<number>();
  readonly publications = input<Publication[]>([]);
  readonly saving = input(false);
  readonly resolved = output<ClippingDraft>();
  readonly discarded = output<void>();

  protected readonly choices = signal<DraftChoices>({});
  /** Text typed for fields the editor chose to edit by hand. */
  protected readonly edits = signal<Partial<Record<DraftField, string>>>({});
  protected readonly merges = computed(() => mergeDrafts(this.base(), this.theirs(), this.mine()));
  /** Only the fields somebody changed. */
  protected readonly changed = computed(() => this.merges().filter((m) => m.outcome !== 'unchanged'));
  protected readonly pending = computed(() => unresolved(this.merges(), this.choices()).length);

  constructor() {
    // It appears at the top of a long form after a save at the bottom: bring it into view and focus.
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    afterNextRender(() => {
      host.scrollIntoView?.({ block: 'start' });
      host.querySelector<HTMLElement>('h2')?.focus();
    });
  }

  protected label(field: DraftField): string {
    return this.t(LABELS[field]);
  }

  protected outcomeKey(m: DraftMerge): MessageKey {
    return `merge.outcome.${m.outcome === 'unchanged' ? 'same' : m.outcome}`;
  }

  protected text(field: DraftField, value: ClippingDraft[DraftField]): string {
    if (field === 'publicationId') {
      const p = this.publications().find((x) => x.id === value);
      return p ? p.name : draftValueText(value);
    }
    if (field === 'kind' && typeof value === 'string') return this.t(`kind.${value}` as MessageKey);
    if (field === 'status' && typeof value === 'string') return this.t(`status.${value}` as MessageKey);
    return draftValueText(value);
  }

  protected editable(field: DraftField): boolean {
    return TEXT_FIELDS.includes(field);
  }

  protected chosen(field: DraftField): 'mine' | 'theirs' | 'edit' | null {
    return this.choices()[field]?.take ?? null;
  }

  protected choose(m: DraftMerge, take: 'mine' | 'theirs' | 'edit'): void {
    const field = m.field;
    if (take === 'edit') {
      const start = this.edits()[field] ?? draftValueText(m.mine);
      this.edits.update((e) => ({ ...e, [field]: start }));
      this.choices.update((c) => ({ ...c, [field]: { take, value: parseDraftText(field, start) } }));
    } else {
      this.choices.update((c) => ({ ...c, [field]: { take } }));
    }
  }

  protected typed(field: DraftField, text: string): void {
    this.edits.update((e) => ({ ...e, [field]: text }));
    this.choices.update((c) => ({ ...c, [field]: { take: 'edit', value: parseDraftText(field, text) } }));
  }

  protected save(): void {
    const merged = resolveMerge(this.theirs(), this.merges(), this.choices());
    if (merged) this.resolved.emit(merged);
  }
}

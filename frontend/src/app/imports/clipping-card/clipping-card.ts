import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { ClippingKind } from '@jianbao/contracts';
import { CLIPPING_KINDS } from '@jianbao/contracts';
import type { FieldErrors } from '../../shared/api-error';
import { I18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/messages';
import { clippingColor } from '../wizard-colors';
import {
  HEADING_FIELDS,
  type HeadingField,
  type TextField,
  type WizardClipping,
  leastSure,
} from '../wizard-ops';

export interface FieldEdit {
  field: TextField;
  value: string;
}

/** One proposed clipping as an editable card: kind, headline fields, body, subheads, jump markers. */
@Component({
  selector: 'jb-clipping-card',
  templateUrl: './clipping-card.html',
  styleUrl: './clipping-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClippingCard {
  protected readonly t = inject(I18n).t;

  readonly clipping = input.required<WizardClipping>();
  /** 0-based position in the list (shown 1-based, as in the source pane). */
  readonly index = input.required<number>();
  readonly selected = input(false);
  readonly last = input(false);
  /** The server's messages per field when filing was refused for this clipping, shown beside each field. */
  readonly errors = input<FieldErrors>({});

  readonly edited = output<FieldEdit>();
  readonly kindChanged = output<ClippingKind>();
  readonly subheadsChanged = output<string>();
  readonly selectToggled = output<boolean>();
  readonly mergeNext = output<void>();
  readonly dissolve = output<void>();
  readonly confirmed = output<void>();

  /** The part the parser is least sure of, while the editor has not dealt with the clipping. */
  protected readonly unsure = computed(() => leastSure(this.clipping()));

  protected unsureKey(part: 'boundary' | 'title' | 'byline'): MessageKey {
    return `wizard.unsure.${part}`;
  }

  protected readonly kinds = CLIPPING_KINDS;
  protected readonly headingFields = HEADING_FIELDS;
  protected readonly color = clippingColor;

  protected kindKey(kind: ClippingKind): MessageKey {
    return `kind.${kind}`;
  }

  protected fieldKey(field: HeadingField): MessageKey {
    return `clipping.field.${field}`;
  }

  protected id(field: string): string {
    return `card-${this.clipping().key}-${field}`;
  }

  protected errorsOf(field: string): readonly string[] {
    return this.errors()[field] ?? [];
  }

  protected onKind(value: string): void {
    const kind = CLIPPING_KINDS.find((k) => k === value);
    if (kind) this.kindChanged.emit(kind);
  }
}

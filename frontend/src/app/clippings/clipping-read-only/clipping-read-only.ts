import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { Clipping, ClippingKind, ClippingStatus } from '@jianbao/contracts';
import { I18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/messages';
import { linesToList } from '../clipping-text';

/**
 * A clipping as someone who may not edit it sees it: text, not inputs — no form that looks editable
 * and silently does nothing, no save button. The clipping page shows it to viewers.
 */
@Component({
  selector: 'jb-clipping-read-only',
  templateUrl: './clipping-read-only.html',
  styleUrl: './clipping-read-only.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClippingReadOnly {
  protected readonly t = inject(I18n).t;
  readonly clipping = input.required<Clipping>();

  /** The body in paragraphs (one per line of the stored text, blank lines dropped). */
  protected readonly paragraphs = computed(() => linesToList(this.clipping().body));

  protected kindKey(kind: ClippingKind): MessageKey {
    return `kind.${kind}`;
  }

  protected statusKey(status: ClippingStatus): MessageKey {
    return `status.${status}`;
  }
}

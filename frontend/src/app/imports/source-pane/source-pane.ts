import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type { LineRole } from '@jianbao/contracts';
import { I18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/messages';
import { clippingColor } from '../wizard-colors';
import {
  type LineView,
  type MoveTarget,
  TARGET_ROLES,
  type TargetRole,
  type WizardClipping,
} from '../wizard-ops';

export interface LineMove {
  line: number;
  target: MoveTarget;
}

export interface LineSplit {
  key: number;
  line: number;
}

/** Roles shown in the legend, in reading order. */
const LEGEND: readonly LineRole[] = [
  'kicker',
  'title',
  'subtitle',
  'byline',
  'dateline',
  'body',
  'subhead',
  'caption',
  'jump',
  'unassigned',
];

/**
 * The page's source text, line by line, coloured by role and striped by clipping. Selecting a line
 * opens a small menu: move it (to a role of a clipping, or to the unassigned bin) or split there.
 */
@Component({
  selector: 'jb-source-pane',
  templateUrl: './source-pane.html',
  styleUrl: './source-pane.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SourcePane {
  protected readonly t = inject(I18n).t;

  readonly lines = input.required<LineView[]>();
  readonly clippings = input.required<WizardClipping[]>();
  readonly moved = output<LineMove>();
  readonly split = output<LineSplit>();

  protected readonly legend = LEGEND;
  protected readonly roles = TARGET_ROLES;
  protected readonly selected = signal<number | null>(null);
  protected readonly targetKey = signal<number | null>(null);
  protected readonly targetRole = signal<TargetRole>('body');
  protected readonly selectedView = computed(() => {
    const n = this.selected();
    return n === null ? null : (this.lines()[n] ?? null);
  });
  /** Splitting needs lines of the same clipping before the selected one. */
  protected readonly canSplit = computed(() => {
    const v = this.selectedView();
    if (!v || v.clippingKey === null) return false;
    const c = this.clippings().find((x) => x.key === v.clippingKey);
    return !!c && c.lines.some((l) => l.line < v.index);
  });

  protected color = clippingColor;

  protected roleKey(role: LineRole): MessageKey {
    return `role.${role}`;
  }

  protected select(view: LineView): void {
    if (view.role === null) return;
    if (this.selected() === view.index) {
      this.selected.set(null);
      return;
    }
    this.selected.set(view.index);
    this.targetKey.set(view.clippingKey ?? this.clippings()[0]?.key ?? null);
    this.targetRole.set(view.role === 'unassigned' || view.role === 'jump' ? 'body' : view.role);
  }

  protected onTargetKey(value: string): void {
    this.targetKey.set(Number(value));
  }

  protected onTargetRole(value: string): void {
    const role = TARGET_ROLES.find((r) => r === value);
    if (role) this.targetRole.set(role);
  }

  protected move(): void {
    const line = this.selected();
    const key = this.targetKey();
    if (line === null || key === null) return;
    this.moved.emit({ line, target: { to: 'clipping', key, role: this.targetRole() } });
    this.selected.set(null);
  }

  protected toUnassigned(): void {
    const line = this.selected();
    if (line === null) return;
    this.moved.emit({ line, target: { to: 'unassigned' } });
    this.selected.set(null);
  }

  protected splitHere(): void {
    const v = this.selectedView();
    if (!v || v.clippingKey === null) return;
    this.split.emit({ key: v.clippingKey, line: v.index });
    this.selected.set(null);
  }
}

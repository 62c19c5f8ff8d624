import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { I18n } from '../i18n/i18n';
import { countText, elapsedText } from './elapsed';

/** How often the elapsed time is redrawn. */
const TICK_MS = 1000;

/**
 * What a long write shows while the server works: how many clippings it is working on, a busy
 * bar and the time so far. The write is one transaction on the server (all or nothing), so there
 * is no honest "done so far" count to show; the final count comes with the answer.
 */
@Component({
  selector: 'jb-long-action',
  template: `
    <div class="long-action" data-testid="long-action">
      <progress [attr.aria-label]="working()"></progress>
      <span role="status">{{ working() }}</span>
      <span class="muted" data-testid="elapsed">{{ elapsed() }}</span>
      <span class="muted hint">{{ t('progress.oneTransaction') }}</span>
    </div>
  `,
  styles: `
    .long-action {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 10px;
    }
    progress {
      width: 120px;
    }
    .hint {
      flex-basis: 100%;
      font-size: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LongAction {
  protected readonly t = inject(I18n).t;
  /** The clippings being worked on (the dry run's count). */
  readonly count = input.required<number>();
  /** When the write was sent (`Date.now()`). */
  readonly startedAt = input.required<number>();
  private readonly now = signal(Date.now());

  protected readonly working = computed(() => this.t('progress.working', { count: countText(this.count()) }));
  protected readonly elapsed = computed(() => {
    const e = elapsedText(this.now() - this.startedAt());
    return this.t('progress.elapsed', { elapsed: this.t(e.key, e.params) });
  });

  constructor() {
    const timer = setInterval(() => this.now.set(Date.now()), TICK_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}

/** "用时 14 秒。" after a long write, from its start and end (`Date.now()`). */
export function tookText(t: I18n['t'], startedAt: number, endedAt: number): string {
  const e = elapsedText(endedAt - startedAt);
  return t('progress.took', { elapsed: t(e.key, e.params) });
}

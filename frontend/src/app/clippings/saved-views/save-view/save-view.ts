import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import type { SavedView } from '@jianbao/contracts';
import type { Observable } from 'rxjs';
import { AuthService } from '../../../auth/auth.service';
import { type ErrorText } from '../../../shared/api-error';
import { toApiError } from '../../../shared/api-error';
import { I18n } from '../../../shared/i18n/i18n';
import type { ClippingListParams } from '../../clipping-list-state';
import { SavedViewsApi } from '../saved-views-api';
import { SavedViewsStore } from '../saved-views-store';
import { describeViewError, viewQuery } from '../view-query';

type Mode = 'save' | 'rename';

/**
 * On the list: saves its current search as a view (or, under the name of a view of one's own, updates
 * that view to it), and renames or deletes the view the list is showing.
 */
@Component({
  selector: 'jb-save-view',
  templateUrl: './save-view.html',
  styleUrl: './save-view.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SaveView {
  readonly params = input.required<ClippingListParams>();
  private readonly api = inject(SavedViewsApi);
  private readonly store = inject(SavedViewsStore);
  private readonly auth = inject(AuthService);
  protected readonly t = inject(I18n).t;

  protected readonly mode = signal<Mode | null>(null);
  protected readonly name = signal('');
  protected readonly shared = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<ErrorText | null>(null);
  protected readonly notice = signal<ErrorText | null>(null);
  protected readonly isAdmin = computed(() => this.auth.can('admin'));
  private readonly query = computed(() => viewQuery(this.params()));
  /** The view showing exactly this search, if any. */
  protected readonly current = computed(
    () => this.store.views().find((v) => v.query === this.query()) ?? null,
  );
  /** The caller's own view of the name typed: saving updates it. */
  protected readonly sameName = computed(() => {
    const name = this.name().trim();
    const me = this.auth.user()?.id;
    return this.store.views().find((v) => v.name === name && v.ownerId === me && v.editable) ?? null;
  });

  protected open(mode: Mode): void {
    const current = this.current();
    this.name.set(mode === 'rename' ? (current?.name ?? '') : '');
    this.shared.set(false);
    this.error.set(null);
    this.notice.set(null);
    this.mode.set(mode);
  }

  protected close(): void {
    this.mode.set(null);
    this.error.set(null);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const name = this.name().trim();
    if (!name) {
      this.error.set({ key: 'views.error.nameRequired', params: {} });
      return;
    }
    if (this.mode() === 'rename') {
      const current = this.current();
      if (current) this.run(this.api.update(current.id, { name }), name, 'views.renamed');
      return;
    }
    const existing = this.sameName();
    if (existing) this.run(this.api.update(existing.id, { query: this.query() }), name, 'views.updated');
    else {
      const body = { name, query: this.query(), ...(this.shared() ? { shared: true } : {}) };
      this.run(this.api.create(body), name, 'views.saved');
    }
  }

  protected remove(view: SavedView): void {
    if (!window.confirm(this.t('views.deleteConfirm', { name: view.name }))) return;
    this.run(this.api.remove(view.id), view.name, 'views.deleted');
  }

  private run(call: Observable<unknown>, name: string, done: ErrorText['key']): void {
    this.busy.set(true);
    this.error.set(null);
    call.subscribe({
      next: () => {
        this.busy.set(false);
        this.mode.set(null);
        this.notice.set({ key: done, params: { name } });
        this.store.reload();
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.error.set(describeViewError(toApiError(err), name));
      },
    });
  }
}

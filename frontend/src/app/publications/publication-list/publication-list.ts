import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import type { Publication } from '@jianbao/contracts';
import { type ErrorText, describeApiError, toApiError } from '../../shared/api-error';
import { Can } from '../../auth/can';
import { I18n } from '../../shared/i18n/i18n';
import { PublicationForm } from '../publication-form/publication-form';
import { PublicationsApi } from '../publications-api';

/** Publications: list, create (form above the table), edit inline, delete with an inline confirmation. */
@Component({
  selector: 'jb-publication-list',
  imports: [PublicationForm, DatePipe, Can],
  templateUrl: './publication-list.html',
  styleUrl: './publication-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicationList implements OnInit {
  private readonly api = inject(PublicationsApi);
  protected readonly t = inject(I18n).t;

  protected readonly publications = signal<Publication[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<ErrorText | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly creating = signal(false);
  protected readonly editingId = signal<number | null>(null);
  protected readonly confirmingId = signal<number | null>(null);

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.api.list().subscribe({
      next: (list) => {
        this.publications.set(list);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.error.set(describeApiError(toApiError(err)));
        this.loading.set(false);
      },
    });
  }

  protected startCreate(): void {
    this.notice.set(null);
    this.creating.set(true);
  }

  protected onCreated(p: Publication): void {
    this.creating.set(false);
    this.notice.set(this.t('publications.created', { name: p.name }));
    this.publications.update((list) => [...list, p].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')));
  }

  protected onUpdated(p: Publication): void {
    this.editingId.set(null);
    this.publications.update((list) => list.map((x) => (x.id === p.id ? p : x)));
  }

  protected remove(p: Publication): void {
    this.error.set(null);
    this.api.remove(p.id).subscribe({
      next: () => {
        this.confirmingId.set(null);
        this.publications.update((list) => list.filter((x) => x.id !== p.id));
      },
      error: (err: unknown) => {
        this.confirmingId.set(null);
        this.error.set(describeApiError(toApiError(err)));
      },
    });
  }
}

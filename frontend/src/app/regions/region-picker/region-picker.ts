import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { Region } from '@jianbao/contracts';
import { Subject, catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { RegionsApi } from '../regions-api';

/** `梁山县（370832）`: the option text of a region, unique even where names repeat. */
export function regionOptionLabel(r: Pick<Region, 'name' | 'code'>): string {
  return `${r.name}（${r.code}）`;
}

/** The option a typed text stands for: its full label, else an exact name or code when that is unambiguous. */
export function matchRegion(options: readonly Region[], text: string, exactLabelOnly = false): Region | null {
  const value = text.trim();
  if (!value) return null;
  const byLabel = options.find((r) => regionOptionLabel(r) === value);
  if (byLabel || exactLabelOnly) return byLabel ?? null;
  const byName = options.filter((r) => r.name === value || r.code === value);
  return byName.length === 1 ? (byName[0] ?? null) : null;
}

/**
 * A region autocomplete (`GET /api/regions?q=` as you type, name prefix). Emits the chosen region when
 * an option is picked from the list, or on Enter when the text names exactly one region, then clears.
 */
@Component({
  selector: 'jb-region-picker',
  template: `
    <input
      #box
      type="search"
      autocomplete="off"
      [id]="inputId()"
      [attr.list]="inputId() + '-options'"
      [placeholder]="placeholder()"
      (input)="onInput(box, $event)"
      (keydown.enter)="$event.preventDefault(); commit(box, false)"
      (change)="commit(box, false)"
    />
    <datalist [id]="inputId() + '-options'">
      @for (r of options(); track r.id) {
        <option [value]="label(r)"></option>
      }
    </datalist>
  `,
  styles: `
    :host {
      display: block;
    }
    input {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegionPicker {
  private readonly api = inject(RegionsApi);

  readonly inputId = input.required<string>();
  readonly placeholder = input('');
  readonly picked = output<Region>();

  protected readonly options = signal<Region[]>([]);
  protected readonly label = regionOptionLabel;
  private readonly queries = new Subject<string>();

  constructor() {
    this.queries
      .pipe(
        map((q) => q.trim().replace(/（\d*）?$/, '')),
        debounceTime(200),
        distinctUntilChanged(),
        switchMap((q) =>
          q
            ? this.api.list({ q, pageSize: 20 }).pipe(
                map((page) => page.items),
                catchError(() => of<Region[]>([])),
              )
            : of<Region[]>([]),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((list) => this.options.set(list));
  }

  protected onInput(box: HTMLInputElement, event: Event): void {
    // Choosing a datalist option is an input event that is not typing: take it at once.
    const typed = event instanceof InputEvent && event.inputType !== 'insertReplacementText';
    if (!typed && this.commit(box, true)) return;
    this.queries.next(box.value);
  }

  protected commit(box: HTMLInputElement, exactLabelOnly: boolean): boolean {
    const region = matchRegion(this.options(), box.value, exactLabelOnly);
    if (!region) return false;
    this.picked.emit(region);
    box.value = '';
    this.options.set([]);
    return true;
  }
}

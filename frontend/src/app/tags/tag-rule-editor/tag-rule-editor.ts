import {
  ChangeDetectionStrategy,
  Component,
  InjectionToken,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { ApplyRuleResult, Tag, TagRule, TagRuleMode } from '@jianbao/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, of, startWith, switchMap } from 'rxjs';
import { type ErrorText, describeApiError, toApiError } from '../../shared/api-error';
import { I18n } from '../../shared/i18n/i18n';
import { LongAction, tookText } from '../../shared/progress/long-action';
import { countText } from '../../shared/progress/elapsed';
import type { MessageKey } from '../../shared/i18n/messages';
import {
  EMPTY_RULE_DRAFT,
  RULE_MODES,
  type RuleDraft,
  type RuleErrors,
  draftToRule,
  ruleErrorsOf,
  ruleToDraft,
  sameRule,
} from '../tag-rule';
import { TagsApi } from '../tags-api';

/** Milliseconds of quiet typing before the live preview asks the server (tests set 0). */
export const RULE_PREVIEW_DEBOUNCE = new InjectionToken<number>('RULE_PREVIEW_DEBOUNCE', {
  factory: () => 400,
});

const NO_ERRORS: RuleErrors = { pattern: [], terms: [], other: [] };
const SAMPLE_SIZE = 5;

type Preview =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ok'; result: ApplyRuleResult }
  | { state: 'invalid'; errors: RuleErrors }
  | { state: 'failed'; error: ErrorText };

type ApplyStep =
  | { step: 'idle' }
  | { step: 'counting' }
  | { step: 'confirm'; matched: number }
  | { step: 'applying'; matched: number; startedAt: number }
  | { step: 'done'; added: number; took: string }
  | { step: 'failed'; error: ErrorText };

/**
 * One tag's auto-tagging rule: mode, terms or regex, case. Every edit is previewed against the
 * archive (debounced) — "would match N" with a few sample titles, or the server's complaint beside
 * the pattern. Saving PATCHes the rule; applying it to existing clippings first counts (dry run),
 * asks for confirmation with that count, then applies.
 */
@Component({
  selector: 'jb-tag-rule-editor',
  imports: [LongAction],
  templateUrl: './tag-rule-editor.html',
  styleUrl: './tag-rule-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TagRuleEditor {
  private readonly api = inject(TagsApi);
  protected readonly t = inject(I18n).t;
  protected readonly countText = countText;

  readonly tag = input.required<Tag>();
  /** The tag as saved with its new rule. */
  readonly saved = output<Tag>();

  protected readonly modes = RULE_MODES;
  protected readonly draft = signal<RuleDraft>({ ...EMPTY_RULE_DRAFT });
  protected readonly rule = computed(() => draftToRule(this.draft()));
  protected readonly dirty = computed(() => !sameRule(this.rule(), this.tag().rule));
  protected readonly preview = signal<Preview>({ state: 'idle' });
  protected readonly saving = signal(false);
  protected readonly saveErrors = signal<RuleErrors>(NO_ERRORS);
  protected readonly saveError = signal<ErrorText | null>(null);
  protected readonly justSaved = signal(false);
  protected readonly apply = signal<ApplyStep>({ step: 'idle' });

  /** Beside the pattern/terms field: the preview's complaint, else the save's. */
  protected readonly errors = computed<RuleErrors>(() => {
    const p = this.preview();
    return p.state === 'invalid' ? p.errors : this.saveErrors();
  });
  protected readonly samples = computed(() => {
    const p = this.preview();
    return p.state === 'ok' ? p.result.sample.slice(0, SAMPLE_SIZE) : [];
  });

  constructor() {
    const wait = inject(RULE_PREVIEW_DEBOUNCE);
    effect(() => {
      const tag = this.tag();
      untracked(() => {
        this.draft.set(ruleToDraft(tag.rule));
        this.apply.set({ step: 'idle' });
      });
    });
    toObservable(this.rule)
      .pipe(
        map((rule) => (rule ? JSON.stringify(rule) : '')),
        distinctUntilChanged(),
        debounceTime(wait),
        switchMap((json) => {
          if (!json) return of<Preview>({ state: 'idle' });
          return this.api.previewRule(JSON.parse(json) as TagRule).pipe(
            map((result): Preview => ({ state: 'ok', result })),
            catchError((err: unknown) => {
              const error = toApiError(err);
              return of<Preview>(
                error.statusCode === 400
                  ? { state: 'invalid', errors: ruleErrorsOf(error) }
                  : { state: 'failed', error: describeApiError(error) },
              );
            }),
            startWith<Preview>({ state: 'loading' }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((p) => this.preview.set(p));
  }

  protected modeKey(mode: TagRuleMode): MessageKey {
    return `rule.mode.${mode}`;
  }

  protected edit(patch: Partial<RuleDraft>): void {
    this.draft.update((d) => ({ ...d, ...patch }));
    this.saveErrors.set(NO_ERRORS);
    this.saveError.set(null);
    this.justSaved.set(false);
    if (this.apply().step !== 'applying') this.apply.set({ step: 'idle' });
  }

  protected setMode(value: string): void {
    const mode = RULE_MODES.find((m) => m === value);
    if (mode) this.edit({ mode });
  }

  protected save(): void {
    if (this.saving()) return;
    this.saving.set(true);
    this.api.update(this.tag().id, { rule: this.rule() }).subscribe({
      next: (tag) => {
        this.saving.set(false);
        this.justSaved.set(true);
        this.saved.emit(tag);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        const error = toApiError(err);
        if (error.statusCode === 400) this.saveErrors.set(ruleErrorsOf(error));
        else this.saveError.set(describeApiError(error));
      },
    });
  }

  /** Step 1: count what applying would add (dry run), then ask. */
  protected count(): void {
    this.apply.set({ step: 'counting' });
    this.api.applyRule(this.tag().id, true).subscribe({
      next: (r) => this.apply.set({ step: 'confirm', matched: r.matched }),
      error: (err: unknown) => this.apply.set({ step: 'failed', error: describeApiError(toApiError(err)) }),
    });
  }

  /** Step 2, after the editor saw N: apply for real. */
  protected confirmApply(matched: number): void {
    const startedAt = Date.now();
    this.apply.set({ step: 'applying', matched, startedAt });
    this.api.applyRule(this.tag().id, false).subscribe({
      next: (r) =>
        this.apply.set({ step: 'done', added: r.added, took: tookText(this.t, startedAt, Date.now()) }),
      error: (err: unknown) => this.apply.set({ step: 'failed', error: describeApiError(toApiError(err)) }),
    });
  }

  protected cancelApply(): void {
    this.apply.set({ step: 'idle' });
  }

  protected fieldId(name: string): string {
    return `rule-${this.tag().id}-${name}`;
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnInit,
  computed,
  effect,
  inject,
  input,
  model,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import type { ClippingRegionLink, ClippingTagLink, KeywordSuggestion, Region, Tag } from '@jianbao/contracts';
import { type ErrorText, describeApiError, fieldErrorsOf, toApiError } from '../../shared/api-error';
import { Can } from '../../auth/can';
import { I18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/messages';
import { RegionPicker } from '../../regions/region-picker/region-picker';
import { findTagByName, flattenTagTree } from '../../tags/tag-tree';
import { TagsApi } from '../../tags/tags-api';
import { addRegionLink, addTagLink, regionTitle, removeRegionLink, removeTagLink } from '../clipping-links';
import { ClippingsApi } from '../clippings-api';

/**
 * A clipping's tags and regions as removable chips (rule-made ones lighter, each marked with who made
 * it), with autocomplete to add more, and keyword suggestions that add the tag of that name or
 * prefill "create tag". Edits only the two models; the form saves them with the clipping.
 */
@Component({
  selector: 'jb-clipping-links-editor',
  imports: [RegionPicker, Can],
  templateUrl: './clipping-links-editor.html',
  styleUrl: './clipping-links-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClippingLinksEditor implements OnInit {
  private readonly tagsApi = inject(TagsApi);
  private readonly clippingsApi = inject(ClippingsApi);
  protected readonly t = inject(I18n).t;

  /** The saved clipping, for keyword suggestions; null while creating. */
  readonly clippingId = input<number | null>(null);
  readonly tags = model.required<ClippingTagLink[]>();
  readonly regions = model.required<ClippingRegionLink[]>();

  protected readonly allTags = signal<Tag[]>([]);
  /** False until the tag list has answered; what was typed before then waits for it. */
  private tagsLoaded = false;
  private readonly waitingForTags: (() => void)[] = [];
  protected readonly tagOptions = computed(() => flattenTagTree(this.allTags()));
  protected readonly unknownTag = signal<string | null>(null);
  protected readonly newTagName = signal('');
  protected readonly creating = signal(false);
  protected readonly createError = signal<string | null>(null);
  protected readonly keywords = signal<KeywordSuggestion[] | null>(null);
  protected readonly keywordsError = signal<ErrorText | null>(null);
  protected readonly regionTitle = regionTitle;
  private readonly newTagInput = viewChild<ElementRef<HTMLInputElement>>('newTag');

  constructor() {
    effect(() => {
      const id = this.clippingId();
      untracked(() => this.loadKeywords(id));
    });
  }

  ngOnInit(): void {
    const loaded = (): void => {
      this.tagsLoaded = true;
      for (const run of this.waitingForTags.splice(0)) run();
    };
    this.tagsApi.list().subscribe({
      next: (tags) => {
        this.allTags.set(tags);
        loaded();
      },
      error: () => loaded(),
    });
  }

  /** Runs now if the tag list is in, else once it is: a tag typed fast is not taken for an unknown one. */
  private withTags(run: () => void): void {
    if (this.tagsLoaded) run();
    else this.waitingForTags.push(run);
  }

  protected sourceKey(source: 'manual' | 'rule', title = false): MessageKey {
    return title ? `links.sourceTitle.${source}` : `links.source.${source}`;
  }

  protected removeTag(id: number): void {
    this.tags.update((links) => removeTagLink(links, id));
  }

  protected removeRegion(code: string): void {
    this.regions.update((links) => removeRegionLink(links, code));
  }

  protected addRegion(region: Region): void {
    this.regions.update((links) => addRegionLink(links, region));
  }

  /** Datalist choice: an input event that is not typing. */
  protected onTagInput(box: HTMLInputElement, event: Event): void {
    this.unknownTag.set(null);
    const typed = event instanceof InputEvent && event.inputType !== 'insertReplacementText';
    if (!typed) this.commitTag(box, true);
  }

  /** Enter or a committed change: add the tag whose path or name was typed, or offer to create it. */
  protected commitTag(box: HTMLInputElement, quiet = false): void {
    if (!box.value.trim()) return;
    this.withTags(() => this.commitTypedTag(box, quiet));
  }

  private commitTypedTag(box: HTMLInputElement, quiet: boolean): void {
    const text = box.value.trim();
    if (!text) return;
    const row = this.tagOptions().find((r) => r.path.join(' / ') === text);
    const tag = row?.tag ?? findTagByName(this.allTags(), text);
    if (tag) {
      this.tags.update((links) => addTagLink(links, tag));
      box.value = '';
      this.unknownTag.set(null);
    } else if (!quiet) {
      this.unknownTag.set(text);
    }
  }

  protected offerCreate(name: string, box?: HTMLInputElement): void {
    this.newTagName.set(name);
    this.unknownTag.set(null);
    this.createError.set(null);
    if (box) box.value = '';
    this.newTagInput()?.nativeElement.focus();
  }

  /** A keyword: the tag of that name if there is one, else prefill "create tag". */
  protected useKeyword(keyword: string): void {
    this.withTags(() => this.useLoadedKeyword(keyword));
  }

  private useLoadedKeyword(keyword: string): void {
    const tag = findTagByName(this.allTags(), keyword);
    if (tag) this.tags.update((links) => addTagLink(links, tag));
    else this.offerCreate(keyword);
  }

  protected createTag(): void {
    const name = this.newTagName().trim();
    if (!name || this.creating()) return;
    const existing = findTagByName(this.allTags(), name);
    if (existing) {
      this.tags.update((links) => addTagLink(links, existing));
      this.newTagName.set('');
      return;
    }
    this.creating.set(true);
    this.createError.set(null);
    this.tagsApi.create({ name }).subscribe({
      next: (tag) => {
        this.creating.set(false);
        this.allTags.update((list) => [...list, tag]);
        this.tags.update((links) => addTagLink(links, tag));
        this.newTagName.set('');
      },
      error: (err: unknown) => {
        this.creating.set(false);
        const error = toApiError(err);
        const messages = Object.values(fieldErrorsOf(error, this.t)).flatMap((m) => m ?? []);
        if (error.statusCode === 409) this.createError.set(this.t('tags.duplicate'));
        else if (messages.length) this.createError.set(messages.join('；'));
        else {
          const text = describeApiError(error);
          this.createError.set(this.t(text.key, text.params));
        }
      },
    });
  }

  protected isLinked(keyword: string): boolean {
    const tag = findTagByName(this.allTags(), keyword);
    return !!tag && this.tags().some((l) => l.id === tag.id);
  }

  private loadKeywords(id: number | null): void {
    this.keywords.set(null);
    this.keywordsError.set(null);
    if (id === null) return;
    this.clippingsApi.keywords(id).subscribe({
      next: (list) => this.keywords.set(list),
      error: (err: unknown) => this.keywordsError.set(describeApiError(toApiError(err))),
    });
  }
}

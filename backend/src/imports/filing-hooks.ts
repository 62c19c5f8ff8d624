import type { ContinuationSuggestion } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import type { ClippingWriter } from '../clippings/store/clipping-writer';
import { ContinuationsService } from '../continuations/continuations.service';
import { StoriesService } from '../stories/stories.service';
import { TagRulesService } from '../tags/tag-rules.service';

/** What other features do with freshly filed clippings, inside the filing transaction. */
@Injectable()
export class FilingHooks {
  constructor(
    private readonly tagRules: TagRulesService,
    private readonly continuations: ContinuationsService,
    private readonly stories: StoriesService,
  ) {}

  /** Tag rules, continuation linking and the same-story index; answers the continuation links made. */
  async afterFiling(w: ClippingWriter, clippingIds: number[]): Promise<ContinuationSuggestion[]> {
    if (clippingIds.length === 0) return [];
    await this.tagRules.applyRulesOnFiling(w, clippingIds);
    const links = await this.continuations.linkAfterFiling(w, clippingIds);
    await this.stories.indexClippings(w.manager, clippingIds, true);
    return links;
  }

  /**
   * The same again for filed clippings whose text or issue an editor's carried-over work changed:
   * rules add what the new text matches, linking runs again, the same-story entry is replaced.
   */
  async afterCarryOver(w: ClippingWriter, clippingIds: number[]): Promise<ContinuationSuggestion[]> {
    if (clippingIds.length === 0) return [];
    await this.tagRules.applyRulesOnFiling(w, clippingIds);
    const links = await this.continuations.linkAfterFiling(w, clippingIds);
    await this.stories.indexClippings(w.manager, clippingIds);
    return links;
  }
}

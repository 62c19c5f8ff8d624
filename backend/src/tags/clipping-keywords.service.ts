import type { KeywordSuggestion } from '@jianbao/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { ClippingReader } from '../clippings/read/clipping-reader';
import { ruleText } from './clipping-text';
import { suggestKeywords } from './rules';

/** Topic keyword suggestions for one clipping (jieba TF-IDF via the pure `suggestKeywords`). */
@Injectable()
export class ClippingKeywordsService {
  constructor(private readonly clippings: ClippingReader) {}

  /**
   * Keywords of kicker, title, subtitle and body, without place names (gazetteer) and without the
   * names of the tags the clipping already carries.
   */
  async suggest(id: number): Promise<KeywordSuggestion[]> {
    const clipping = await this.clippings.find(id);
    if (!clipping) throw new NotFoundException(`Clipping ${id} not found`);
    const tagNames = (await this.clippings.tagNames(id)).filter((n) => !!n);
    return suggestKeywords(ruleText(clipping), { exclude: tagNames });
  }
}

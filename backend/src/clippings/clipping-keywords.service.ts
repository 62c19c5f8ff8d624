import type { KeywordSuggestion } from '@jianbao/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { suggestKeywords } from '../tags/rules';
import { ruleText } from '../tags/clipping-text';
import { ClippingsRepository } from './clippings.repository';

/** Topic keyword suggestions for one clipping (jieba TF-IDF via the pure `suggestKeywords`). */
@Injectable()
export class ClippingKeywordsService {
  constructor(private readonly clippings: ClippingsRepository) {}

  /**
   * Keywords of kicker, title, subtitle and body, without place names (gazetteer) and without the
   * names of the tags the clipping already carries.
   */
  async suggest(id: number): Promise<KeywordSuggestion[]> {
    const clipping = await this.clippings.findById(id);
    if (!clipping) throw new NotFoundException(`Clipping ${id} not found`);
    const links = await this.clippings.findTagLinks([id]);
    const tagNames = links.map((l) => l.tag?.name).filter((n): n is string => !!n);
    return suggestKeywords(ruleText(clipping), { exclude: tagNames });
  }
}

import type { ApplyRuleResult, ClippingSummary } from '@jianbao/contracts';
import { type BadRequestException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ClippingReader } from '../clippings/read/clipping-reader';
import { ClippingStore } from '../clippings/store/clipping-store';
import type { ClippingWriter } from '../clippings/store/clipping-writer';
import type { Actor } from '../common/access';
import { authorOf } from '../common/author';
import { validationFailed } from '../common/validation';
import { ruleText } from './clipping-text';
import { compileRule, type RuleFieldError, type RuleMatcherFn, validateRule } from './rules';
import { TagsRepository } from './tags.repository';

/** Clippings read per batch while scanning (keeps memory flat over 100,000 clippings). */
const SCAN_BATCH = 2000;
const SAMPLE_SIZE = 5;
/** Compiled stored rules kept between filings (keyed by their JSON text, so an edit recompiles). */
const COMPILED_CACHE_SIZE = 256;

/** Turns rule validation problems into the API's 400: `details: [{ field: 'rule.pattern', errors }]`. */
export function ruleValidationFailed(errors: RuleFieldError[], prefix = 'rule'): BadRequestException {
  const byField = new Map<string, string[]>();
  for (const e of errors) {
    const field = e.field ? `${prefix}.${e.field}` : prefix;
    byField.set(field, [...(byField.get(field) ?? []), e.message]);
  }
  return validationFailed([...byField].map(([field, messages]) => ({ field, errors: messages })));
}

/** Compiles an API-supplied rule or throws the 400. */
export function compileOrFail(rule: unknown): RuleMatcherFn {
  const result = compileRule(rule);
  if (!result.ok) throw ruleValidationFailed(result.errors);
  return result.match;
}

/** Validates an API-supplied rule (null clears it) or throws the 400. */
export function assertValidRule(rule: unknown): void {
  if (rule === null) return;
  const errors = validateRule(rule);
  if (errors.length > 0) throw ruleValidationFailed(errors);
}

/**
 * Auto-tagging. A rule only ever adds `rule` links: it never touches a `manual` link, never
 * duplicates a link, and never re-adds a tag a person removed (recorded in `clipping_tag_exclusion`).
 */
@Injectable()
export class TagRulesService {
  private readonly logger = new Logger(TagRulesService.name);
  private readonly compiled = new Map<string, ReturnType<typeof compileRule>>();

  constructor(
    private readonly tags: TagsRepository,
    private readonly store: ClippingStore,
    private readonly clippings: ClippingReader,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Counts over all clippings and a sample of 5, without writing. */
  async preview(rule: unknown): Promise<ApplyRuleResult> {
    const match = compileOrFail(rule);
    const { matched, sample } = await this.scan(match, this.dataSource.manager);
    return { matched, added: 0, sample };
  }

  /** Runs the tag's stored rule over every clipping; adds links unless `dryRun`. One transaction. */
  apply(tagId: number, dryRun = false, actor: Actor | null = null): Promise<ApplyRuleResult> {
    const work = async (manager: EntityManager, w: ClippingWriter | null): Promise<ApplyRuleResult> => {
      const tag = await this.tags.findById(tagId, manager);
      if (!tag) throw new NotFoundException(`Tag ${tagId} not found`);
      if (tag.rule === null || tag.rule === undefined) {
        throw validationFailed([{ field: 'rule', errors: [`tag ${tagId} has no rule to apply`] }]);
      }
      const match = compileOrFail(tag.rule);
      const { matched, sample, ids } = await this.scan(match, manager);
      if (!w) return { matched, added: 0, sample };
      const blocked = await this.clippings.blockedForTag(tagId, manager);
      const toAdd = ids.filter((id) => !blocked.has(id));
      await w.applyRule({ id: tag.id, name: tag.name }, toAdd, { tagId });
      await this.audit.record(
        {
          action: 'tag-rule-applied',
          actor,
          targetType: 'tag',
          targetId: tag.id,
          detail: { tagName: tag.name, matched, added: toAdd.length },
        },
        w.manager,
      );
      return { matched, added: toAdd.length, sample };
    };
    return dryRun
      ? work(this.dataSource.manager, null)
      : this.store.write(authorOf(actor), 'rule', (w) => work(w.manager, w));
  }

  /**
   * Every tag rule over freshly filed clippings, inside the caller's (filing) transaction.
   * A stored rule that no longer validates is skipped with a warning rather than failing the filing.
   */
  async applyRulesOnFiling(w: ClippingWriter, clippingIds: number[]): Promise<void> {
    if (clippingIds.length === 0) return;
    const manager = w.manager;
    const tags = await this.tags.withRules(manager);
    if (tags.length === 0) return;
    const texts = (await this.clippings.ruleTexts(clippingIds, manager)).map((c) => ({
      id: c.id,
      text: ruleText(c),
    }));
    for (const tag of tags) {
      const compiled = this.compileStored(tag.rule);
      if (!compiled.ok) {
        this.logger.warn(`Tag ${tag.id} has an invalid rule; skipped on filing`);
        continue;
      }
      const hits = texts.filter((c) => compiled.match(c.text).matched).map((c) => c.id);
      if (hits.length === 0) continue;
      const blocked = await this.clippings.blockedForTag(tag.id, manager, hits);
      await w.addRuleLinks(
        tag.id,
        hits.filter((id) => !blocked.has(id)),
      );
    }
  }

  /** A stored rule's matcher, compiled once per rule text (compiled matchers are pure and reusable). */
  private compileStored(ruleJson: string): ReturnType<typeof compileRule> {
    let compiled = this.compiled.get(ruleJson);
    if (!compiled) {
      if (this.compiled.size >= COMPILED_CACHE_SIZE) this.compiled.clear();
      compiled = compileRule(JSON.parse(ruleJson) as unknown);
      this.compiled.set(ruleJson, compiled);
    }
    return compiled;
  }

  private async scan(
    match: RuleMatcherFn,
    manager: EntityManager,
  ): Promise<{ matched: number; ids: number[]; sample: ClippingSummary[] }> {
    const ids: number[] = [];
    for (let after = 0; ;) {
      const batch = await this.clippings.ruleTextsAfter(after, SCAN_BATCH, manager);
      if (batch.length === 0) break;
      for (const c of batch) if (match(ruleText(c)).matched) ids.push(c.id);
      after = batch[batch.length - 1]?.id ?? after;
    }
    const sample = await this.clippings.summaries(ids.slice(0, SAMPLE_SIZE), manager);
    return { matched: ids.length, ids, sample };
  }
}

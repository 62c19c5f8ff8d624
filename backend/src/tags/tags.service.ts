import type { Tag, TagDeleteMode } from '@jianbao/contracts';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { References } from '../catalog/references';
import { ClippingStore } from '../clippings/store/clipping-store';
import { ClippingTallies } from '../clippings/tally/clipping-tallies';
import type { Actor } from '../common/access';
import { authorOf } from '../common/author';
import { validationFailed } from '../common/validation';
import { TransactionRunner } from '../database/transaction-runner';
import type { CreateTagDto } from './dto/create-tag.dto';
import type { UpdateTagDto } from './dto/update-tag.dto';
import { TagEntity } from './tag.entity';
import { assertValidRule } from './tag-rules.service';
import { mapTag } from './tag.mapper';
import { TagsRepository } from './tags.repository';

/**
 * Rules for the tag tree: names unique among siblings, no cycles. Merging and deleting re-home the
 * tag's children (under the merge target, or under the deleted tag's own parent — top level when it
 * has none); a child whose name clashes with a tag already there makes the whole operation a 409.
 */
@Injectable()
export class TagsService {
  constructor(
    private readonly tags: TagsRepository,
    private readonly references: References,
    private readonly store: ClippingStore,
    private readonly tx: TransactionRunner,
    private readonly tallies: ClippingTallies,
  ) {}

  async list(): Promise<Tag[]> {
    return (await this.tags.findAll()).map(mapTag);
  }

  async get(id: number): Promise<Tag> {
    return mapTag(await this.require(id));
  }

  create(dto: CreateTagDto): Promise<Tag> {
    assertValidRule(dto.rule ?? null);
    return this.tx.run(async (manager) => {
      const parentId = dto.parentId ?? null;
      await this.assertParentExists(parentId, manager);
      await this.assertNameFree(parentId, dto.name, null, manager);
      const entity = Object.assign(new TagEntity(), {
        name: dto.name,
        parentId,
        color: dto.color ?? null,
        description: dto.description ?? null,
        rule: dto.rule ?? null,
      });
      const saved = await this.tags.save(entity, manager);
      return mapTag(await this.require(saved.id, manager));
    });
  }

  update(id: number, dto: UpdateTagDto): Promise<Tag> {
    if (dto.rule !== undefined) assertValidRule(dto.rule);
    return this.tx.run(async (manager) => {
      const entity = await this.require(id, manager);
      const parentId = dto.parentId === undefined ? entity.parentId : dto.parentId;
      if (dto.parentId !== undefined && parentId !== null) {
        await this.assertParentExists(parentId, manager);
        if ((await this.references.tagSubtreeIds(id, manager)).includes(parentId)) {
          throw validationFailed([
            { field: 'parentId', errors: ['parentId cannot be the tag itself or one of its descendants'] },
          ]);
        }
      }
      const name = dto.name ?? entity.name;
      if (name !== entity.name || parentId !== entity.parentId)
        await this.assertNameFree(parentId, name, id, manager);
      entity.name = name;
      if (dto.color !== undefined) entity.color = dto.color;
      if (dto.description !== undefined) entity.description = dto.description;
      if (dto.rule !== undefined) entity.rule = dto.rule;
      const moved = parentId !== entity.parentId;
      entity.parentId = parentId;
      await this.tags.save(entity, manager);
      // The clippings below a moved tag may now count under another topic.
      if (moved) await this.tallies.refreshUnderTag(manager, id);
      return mapTag(await this.require(id, manager));
    });
  }

  /**
   * Deletes a tag. `detach` (default) drops its clipping links; `moveToParent` re-links its clippings
   * to the parent tag (400 for a top-level tag). Its children move up to its parent either way.
   */
  remove(id: number, mode: TagDeleteMode = 'detach', actor: Actor | null = null): Promise<void> {
    return this.store.write(authorOf(actor), 'tags', async (w) => {
      const manager = w.manager;
      const entity = await this.require(id, manager);
      if (mode === 'moveToParent' && entity.parentId === null) {
        throw validationFailed([
          { field: 'clippings', errors: [`tag ${id} has no parent to move its clippings to`] },
        ]);
      }
      await this.moveChildren(id, entity.parentId, manager);
      const tagged =
        mode === 'moveToParent' && entity.parentId !== null
          ? await w.moveTagLinks(id, entity.parentId)
          : await w.detachTag(id);
      await this.tags.remove(id, manager);
      await w.record(tagged, 'tags', { detail: { tagDeleted: { id, name: entity.name } } });
    });
  }

  /**
   * Merges tag `id` into `intoId`: its clipping links move over (a `manual` link wins over a `rule`
   * one when the clipping has both), its children move under the target, then it is deleted; its
   * rule is dropped (the target keeps its own). One transaction.
   */
  merge(id: number, intoId: number, actor: Actor | null = null): Promise<Tag> {
    return this.store.write(authorOf(actor), 'tags', async (w) => {
      const manager = w.manager;
      const entity = await this.require(id, manager);
      if (!(await this.tags.findById(intoId, manager))) {
        throw validationFailed([{ field: 'intoId', errors: [`tag ${intoId} does not exist`] }]);
      }
      if ((await this.references.tagSubtreeIds(id, manager)).includes(intoId)) {
        throw validationFailed([
          { field: 'intoId', errors: ['cannot merge a tag into itself or one of its descendants'] },
        ]);
      }
      await this.moveChildren(id, intoId, manager);
      const tagged = await w.moveTagLinks(id, intoId);
      await this.tags.remove(id, manager);
      await w.record(tagged, 'tags', { detail: { tagMerged: { id, name: entity.name, intoId } } });
      return mapTag(await this.require(intoId, manager));
    });
  }

  /** Re-parents the children of `id` under `toId`, refusing (409) when a name would clash there. */
  private async moveChildren(id: number, toId: number | null, manager: EntityManager): Promise<void> {
    const children = await this.tags.findChildren(id, manager);
    if (children.length === 0) return;
    const taken = new Set((await this.tags.findChildren(toId, manager)).map((t) => t.name));
    const clash = children.filter((c) => taken.has(c.name)).map((c) => c.name);
    if (clash.length > 0) {
      throw new ConflictException(
        `Child tag(s) ${clash.map((n) => `"${n}"`).join(', ')} would clash with a tag of the same name under the new parent; rename or merge them first`,
      );
    }
    await this.tags.reparentChildren(id, toId, manager);
    for (const child of children) await this.tallies.refreshUnderTag(manager, child.id);
  }

  private async require(id: number, manager?: EntityManager): Promise<TagEntity> {
    const entity = await this.tags.findById(id, manager);
    if (!entity) throw new NotFoundException(`Tag ${id} not found`);
    return entity;
  }

  private async assertParentExists(parentId: number | null, manager: EntityManager): Promise<void> {
    if (parentId !== null && !(await this.tags.findById(parentId, manager))) {
      throw validationFailed([{ field: 'parentId', errors: [`parent tag ${parentId} does not exist`] }]);
    }
  }

  private async assertNameFree(
    parentId: number | null,
    name: string,
    selfId: number | null,
    manager: EntityManager,
  ): Promise<void> {
    const sibling = await this.tags.findSibling(parentId, name, manager);
    if (sibling && sibling.id !== selfId) {
      throw new ConflictException(`A tag named "${name}" already exists under the same parent`);
    }
  }
}

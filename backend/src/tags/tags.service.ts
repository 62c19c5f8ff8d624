import type { Tag } from '@jianbao/contracts';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { validationFailed } from '../common/validation';
import { TransactionRunner } from '../database/transaction-runner';
import type { CreateTagDto } from './dto/create-tag.dto';
import type { UpdateTagDto } from './dto/update-tag.dto';
import { TagEntity } from './tag.entity';
import { mapTag } from './tag.mapper';
import { TagsRepository } from './tags.repository';

/** Rules for the tag tree: names unique among siblings, no cycles, no deleting a tag in use. */
@Injectable()
export class TagsService {
  constructor(
    private readonly tags: TagsRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async list(): Promise<Tag[]> {
    return (await this.tags.findAll()).map(mapTag);
  }

  async get(id: number): Promise<Tag> {
    return mapTag(await this.require(id));
  }

  create(dto: CreateTagDto): Promise<Tag> {
    return this.tx.run(async (manager) => {
      const parentId = dto.parentId ?? null;
      await this.assertParentExists(parentId, manager);
      await this.assertNameFree(parentId, dto.name, null, manager);
      const entity = Object.assign(new TagEntity(), {
        name: dto.name,
        parentId,
        color: dto.color ?? null,
        description: dto.description ?? null,
        rule: null,
      });
      const saved = await this.tags.save(entity, manager);
      return mapTag(await this.require(saved.id, manager));
    });
  }

  update(id: number, dto: UpdateTagDto): Promise<Tag> {
    return this.tx.run(async (manager) => {
      const entity = await this.require(id, manager);
      const parentId = dto.parentId === undefined ? entity.parentId : dto.parentId;
      if (dto.parentId !== undefined && parentId !== null) {
        await this.assertParentExists(parentId, manager);
        if ((await this.tags.subtreeIds(id, manager)).includes(parentId)) {
          throw validationFailed([
            { field: 'parentId', errors: ['parentId cannot be the tag itself or one of its descendants'] },
          ]);
        }
      }
      const name = dto.name ?? entity.name;
      if (name !== entity.name || parentId !== entity.parentId)
        await this.assertNameFree(parentId, name, id, manager);
      entity.name = name;
      entity.parentId = parentId;
      if (dto.color !== undefined) entity.color = dto.color;
      if (dto.description !== undefined) entity.description = dto.description;
      await this.tags.save(entity, manager);
      return mapTag(await this.require(id, manager));
    });
  }

  remove(id: number): Promise<void> {
    return this.tx.run(async (manager) => {
      await this.require(id, manager);
      const children = await this.tags.countChildren(id, manager);
      if (children > 0)
        throw new ConflictException(`Tag ${id} has ${children} child tag(s); delete or move them first`);
      const uses = await this.tags.countClippings(id, manager);
      if (uses > 0)
        throw new ConflictException(`Tag ${id} is on ${uses} clipping(s); remove it from them first`);
      await this.tags.remove(id, manager);
    });
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

import type { Page, Region, RegionNode } from '@jianbao/contracts';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { pageWindow } from '../common/page.query';
import { validationFailed } from '../common/validation';
import { TransactionRunner } from '../database/transaction-runner';
import type { CreateRegionDto } from './dto/create-region.dto';
import type { ListRegionsQuery } from './dto/list-regions.query';
import type { UpdateRegionDto } from './dto/update-region.dto';
import { RegionEntity } from './region.entity';
import { RegionDirectory } from '../catalog/region-directory';
import { ClippingCounts } from '../clippings/read/clipping-counts';
import { ClippingTallies } from '../clippings/tally/clipping-tallies';
import { parentLevelProblem } from './region-level';
import { mapRegion } from './region.mapper';
import { RegionsRepository } from './regions.repository';

/** Rules for regions: unique codes, a consistent province → prefecture → county tree, no deleting one in use. */
@Injectable()
export class RegionsService {
  constructor(
    private readonly regions: RegionsRepository,
    private readonly counts: ClippingCounts,
    private readonly tx: TransactionRunner,
    private readonly directory: RegionDirectory,
    private readonly tallies: ClippingTallies,
  ) {}

  /** Runs a region write; once it has settled, the in-memory directory is read again on next use. */
  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.tx.run(work);
    } finally {
      this.directory.invalidate();
    }
  }

  async list(query: ListRegionsQuery): Promise<Page<Region>> {
    const window = pageWindow(query);
    const { items, total } = await this.regions.list(query, window);
    return { items: items.map(mapRegion), total, page: window.page, pageSize: window.pageSize };
  }

  /** One level of the tree (children of `parentId`, provinces when absent) with descendant-inclusive counts. */
  async tree(parentId: number | null): Promise<RegionNode[]> {
    if (parentId !== null) await this.require(parentId);
    const children = await this.regions.childrenWithCounts(parentId);
    const counts = await this.counts.ofRegionSubtrees(parentId);
    return children.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      level: r.level,
      childCount: r.childCount,
      clippingCount: counts.get(r.id) ?? 0,
    }));
  }

  async get(id: number): Promise<Region> {
    return mapRegion(await this.require(id));
  }

  create(dto: CreateRegionDto): Promise<Region> {
    return this.write(async (manager) => {
      await this.assertCodeFree(dto.code, null, manager);
      const parentId = dto.parentId ?? null;
      await this.assertPlacement(dto.level, parentId, manager);
      const entity = Object.assign(new RegionEntity(), {
        code: dto.code,
        name: dto.name,
        level: dto.level,
        parentId,
      });
      const saved = await this.regions.save(entity, manager);
      return mapRegion(await this.require(saved.id, manager));
    });
  }

  update(id: number, dto: UpdateRegionDto): Promise<Region> {
    return this.write(async (manager) => {
      const entity = await this.require(id, manager);
      if (dto.code !== undefined && dto.code !== entity.code)
        await this.assertCodeFree(dto.code, id, manager);
      const level = dto.level ?? entity.level;
      const parentId = dto.parentId === undefined ? entity.parentId : dto.parentId;
      if (parentId === id) {
        throw validationFailed([{ field: 'parentId', errors: ['a region cannot be its own parent'] }]);
      }
      if (level !== entity.level || parentId !== entity.parentId) {
        await this.assertPlacement(level, parentId, manager);
        if (level !== entity.level) await this.assertChildrenFit(id, level, manager);
      }
      const moved = parentId !== entity.parentId;
      Object.assign(entity, {
        code: dto.code ?? entity.code,
        name: dto.name ?? entity.name,
        level,
        parentId,
      });
      await this.regions.save(entity, manager);
      // The clippings in a moved subtree count under its new ancestors.
      if (moved) await this.tallies.refreshUnderRegion(manager, id);
      return mapRegion(await this.require(id, manager));
    });
  }

  remove(id: number): Promise<void> {
    return this.write(async (manager) => {
      await this.require(id, manager);
      const children = await this.regions.countChildren(id, manager);
      const clippings = await this.counts.ofRegion(id, manager);
      if (children > 0)
        throw new ConflictException(`Region ${id} has ${children} subregion(s); delete them first`);
      if (clippings > 0) throw new ConflictException(`Region ${id} is linked to ${clippings} clipping(s)`);
      await this.regions.remove(id, manager);
    });
  }

  private async require(id: number, manager?: EntityManager): Promise<RegionEntity> {
    const entity = await this.regions.findById(id, manager);
    if (!entity) throw new NotFoundException(`Region ${id} not found`);
    return entity;
  }

  private async assertCodeFree(code: string, selfId: number | null, manager: EntityManager): Promise<void> {
    const other = await this.regions.findByCode(code, manager);
    if (other && other.id !== selfId)
      throw new ConflictException(`A region with code ${code} already exists`);
  }

  private async assertPlacement(
    level: RegionEntity['level'],
    parentId: number | null,
    manager: EntityManager,
  ): Promise<void> {
    const parent = parentId === null ? null : await this.regions.findById(parentId, manager);
    if (parentId !== null && !parent) {
      throw validationFailed([{ field: 'parentId', errors: [`parent region ${parentId} does not exist`] }]);
    }
    const problem = parentLevelProblem(level, parent?.level ?? null);
    if (problem)
      throw validationFailed([{ field: parentId === null ? 'parentId' : 'level', errors: [problem] }]);
  }

  private async assertChildrenFit(
    id: number,
    level: RegionEntity['level'],
    manager: EntityManager,
  ): Promise<void> {
    const children = await this.regions.findChildren(id, manager);
    const misfit = children.find((child) => parentLevelProblem(child.level, level) !== null);
    if (misfit) {
      throw validationFailed([
        { field: 'level', errors: [`subregion ${misfit.code} cannot sit under a ${level}`] },
      ]);
    }
  }
}

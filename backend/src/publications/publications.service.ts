import type { Publication } from '@jianbao/contracts';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ClippingCounts } from '../clippings/read/clipping-counts';
import { TransactionRunner } from '../database/transaction-runner';
import type { CreatePublicationDto } from './dto/create-publication.dto';
import type { UpdatePublicationDto } from './dto/update-publication.dto';
import { PublicationEntity } from './publication.entity';
import { mapPublication } from './publication.mapper';
import { PublicationsRepository } from './publications.repository';

/** Rules for publications: unique names, no deleting a publication that still has clippings. */
@Injectable()
export class PublicationsService {
  constructor(
    private readonly publications: PublicationsRepository,
    private readonly counts: ClippingCounts,
    private readonly tx: TransactionRunner,
  ) {}

  async list(): Promise<Publication[]> {
    return (await this.publications.findAll()).map(mapPublication);
  }

  async get(id: number): Promise<Publication> {
    return mapPublication(await this.require(id));
  }

  create(dto: CreatePublicationDto): Promise<Publication> {
    return this.tx.run(async (manager) => {
      await this.assertNameFree(dto.name, null, manager);
      const entity = Object.assign(new PublicationEntity(), {
        name: dto.name,
        shortName: dto.shortName ?? null,
        homeRegionCode: dto.homeRegionCode ?? null,
        language: dto.language ?? 'zh-CN',
        notes: dto.notes ?? null,
      });
      const saved = await this.publications.save(entity, manager);
      return mapPublication(await this.require(saved.id, manager));
    });
  }

  update(id: number, dto: UpdatePublicationDto): Promise<Publication> {
    return this.tx.run(async (manager) => {
      const entity = await this.require(id, manager);
      if (dto.name !== undefined) await this.assertNameFree(dto.name, id, manager);
      if (dto.name !== undefined) entity.name = dto.name;
      if (dto.shortName !== undefined) entity.shortName = dto.shortName;
      if (dto.homeRegionCode !== undefined) entity.homeRegionCode = dto.homeRegionCode;
      if (dto.language !== undefined) entity.language = dto.language;
      if (dto.notes !== undefined) entity.notes = dto.notes;
      await this.publications.save(entity, manager);
      return mapPublication(await this.require(id, manager));
    });
  }

  remove(id: number): Promise<void> {
    return this.tx.run(async (manager) => {
      await this.require(id, manager);
      const clippings = await this.counts.ofPublication(id, manager);
      if (clippings > 0) {
        throw new ConflictException(
          `Publication ${id} still has ${clippings} clipping(s); delete or move them first`,
        );
      }
      await this.publications.remove(id, manager);
    });
  }

  private async require(id: number, manager?: EntityManager): Promise<PublicationEntity> {
    const entity = await this.publications.findById(id, manager);
    if (!entity) throw new NotFoundException(`Publication ${id} not found`);
    return entity;
  }

  private async assertNameFree(name: string, selfId: number | null, manager: EntityManager): Promise<void> {
    const other = await this.publications.findByName(name, manager);
    if (other && other.id !== selfId)
      throw new ConflictException(`A publication named "${name}" already exists`);
  }
}

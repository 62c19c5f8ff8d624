import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { PublicationEntity } from './publication.entity';

/** Every query on `publication`. Methods taking a manager run inside the caller's transaction. */
@Injectable()
export class PublicationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findAll(): Promise<PublicationEntity[]> {
    return this.dataSource.getRepository(PublicationEntity).find({ order: { name: 'ASC', id: 'ASC' } });
  }

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<PublicationEntity | null> {
    return manager.findOneBy(PublicationEntity, { id });
  }

  findByName(name: string, manager: EntityManager): Promise<PublicationEntity | null> {
    return manager.findOneBy(PublicationEntity, { name });
  }

  save(entity: PublicationEntity, manager: EntityManager): Promise<PublicationEntity> {
    return manager.save(PublicationEntity, entity);
  }

  async remove(id: number, manager: EntityManager): Promise<void> {
    await manager.delete(PublicationEntity, { id });
  }
}

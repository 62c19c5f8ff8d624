import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SavedViewEntity } from './saved-view.entity';

/** A saved view with its owner's name. */
export interface SavedViewRow {
  view: SavedViewEntity;
  ownerName: string;
}

/** Every query on `saved_view`. Methods taking a manager run inside the caller's transaction. */
@Injectable()
export class SavedViewsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The views `userId` sees: their own and every shared one; personal first, then by name. */
  async visibleTo(userId: number, manager: EntityManager = this.dataSource.manager): Promise<SavedViewRow[]> {
    return this.withOwners(
      await manager
        .createQueryBuilder(SavedViewEntity, 'v')
        .where('v.owner_id = :userId OR v.shared = :shared', { userId, shared: true })
        .orderBy('v.shared', 'ASC')
        .addOrderBy('v.name', 'ASC')
        .addOrderBy('v.id', 'ASC')
        .getMany(),
      manager,
    );
  }

  /** One view by id with its owner's name, whoever may see it. */
  async findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<SavedViewRow | null> {
    const view = await manager.findOneBy(SavedViewEntity, { id });
    return view ? ((await this.withOwners([view], manager))[0] ?? null) : null;
  }

  /** The owner's view of this name, if any. */
  findByOwnerAndName(ownerId: number, name: string, manager: EntityManager): Promise<SavedViewEntity | null> {
    return manager.findOneBy(SavedViewEntity, { ownerId, name });
  }

  save(entity: SavedViewEntity, manager: EntityManager): Promise<SavedViewEntity> {
    return manager.save(SavedViewEntity, entity);
  }

  async remove(id: number, manager: EntityManager): Promise<void> {
    await manager.delete(SavedViewEntity, { id });
  }

  /** Attaches each view's owner name (one query for all owners). */
  private async withOwners(views: SavedViewEntity[], manager: EntityManager): Promise<SavedViewRow[]> {
    const ownerIds = [...new Set(views.map((v) => v.ownerId))];
    const names = new Map<number, string>();
    if (ownerIds.length > 0) {
      const rows = await manager
        .createQueryBuilder()
        .select(['u.id AS id', 'u.username AS username'])
        .from('app_user', 'u')
        .where('u.id IN (:...ownerIds)', { ownerIds })
        .getRawMany<{ id: number | string; username: string }>();
      for (const r of rows) names.set(Number(r.id), r.username);
    }
    return views.map((view) => ({ view, ownerName: names.get(view.ownerId) ?? '' }));
  }
}

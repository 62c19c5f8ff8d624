import type { SavedView } from '@jianbao/contracts';
import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ClippingsService } from '../clippings/clippings.service';
import type { Actor } from '../common/access';
import { TransactionRunner } from '../database/transaction-runner';
import type { CreateSavedViewDto } from './dto/create-saved-view.dto';
import type { UpdateSavedViewDto } from './dto/update-saved-view.dto';
import { SavedViewEntity } from './saved-view.entity';
import { mapSavedView } from './saved-view.mapper';
import { type SavedViewRow, SavedViewsRepository } from './saved-views.repository';
import { parseViewQuery } from './view-query';

/**
 * Rules for saved views: a personal view is its owner's alone (others do not see it); a shared view is
 * seen by everyone and shared, edited or deleted by admins only; names are unique per owner; the stored
 * query is one the list accepts, and each view's count is the list's own count of it.
 */
@Injectable()
export class SavedViewsService {
  constructor(
    private readonly views: SavedViewsRepository,
    private readonly clippings: ClippingsService,
    private readonly tx: TransactionRunner,
  ) {}

  /** The caller's views and the shared ones, each with its count (one count query per view). */
  async list(actor: Actor): Promise<SavedView[]> {
    const rows = await this.views.visibleTo(actor.id);
    const out: SavedView[] = [];
    for (const row of rows) out.push(await this.withCount(row, actor));
    return out;
  }

  async get(id: number, actor: Actor): Promise<SavedView> {
    return this.withCount(await this.visible(id, actor), actor);
  }

  async create(dto: CreateSavedViewDto, actor: Actor): Promise<SavedView> {
    const shared = dto.shared ?? false;
    if (shared) this.assertAdmin(actor, 'Only admins may share a view');
    const query = await this.checkedQuery(dto.query);
    const name = dto.name.trim();
    const id = await this.tx.run(async (manager) => {
      await this.assertNameFree(actor.id, name, null, manager);
      const entity = Object.assign(new SavedViewEntity(), { ownerId: actor.id, name, query, shared });
      return (await this.views.save(entity, manager)).id;
    });
    return this.withCount(await this.existing(id), actor);
  }

  async update(id: number, dto: UpdateSavedViewDto, actor: Actor): Promise<SavedView> {
    const query = dto.query === undefined ? undefined : await this.checkedQuery(dto.query);
    await this.tx.run(async (manager) => {
      const { view } = await this.editable(id, actor, manager);
      if (dto.shared !== undefined && dto.shared !== view.shared)
        this.assertAdmin(actor, 'Only admins may share or unshare a view');
      if (dto.name !== undefined) {
        const name = dto.name.trim();
        await this.assertNameFree(view.ownerId, name, view.id, manager);
        view.name = name;
      }
      if (query !== undefined) view.query = query;
      if (dto.shared !== undefined) view.shared = dto.shared;
      await this.views.save(view, manager);
    });
    // Answered even when the caller no longer sees it (an admin unsharing another admin's view).
    return this.withCount(await this.existing(id), actor);
  }

  remove(id: number, actor: Actor): Promise<void> {
    return this.tx.run(async (manager) => {
      await this.editable(id, actor, manager);
      await this.views.remove(id, manager);
    });
  }

  /** The canonical query, after the list's DTO and its filter rules (`to` not before `from`) accept it. */
  private async checkedQuery(text: string): Promise<string> {
    const { dto, canonical } = await parseViewQuery(text);
    await this.clippings.count(dto, 'query.');
    return canonical;
  }

  private async withCount(row: SavedViewRow, actor: Actor): Promise<SavedView> {
    let count: { total: number; exact: boolean } | null = null;
    try {
      count = await this.clippings.count((await parseViewQuery(row.view.query)).dto, 'query.');
    } catch (err) {
      // A query stored before the list changed its rules: shown without a count, never failing the list.
      if (!(err instanceof BadRequestException)) throw err;
    }
    return mapSavedView(row, this.mayEdit(row.view, actor), count);
  }

  private mayEdit(view: SavedViewEntity, actor: Actor): boolean {
    return view.shared ? actor.role === 'admin' : view.ownerId === actor.id;
  }

  private async existing(id: number): Promise<SavedViewRow> {
    const row = await this.views.findById(id);
    if (!row) throw new NotFoundException(`Saved view ${id} not found`);
    return row;
  }

  /** The view if the caller may see it; someone else's personal view does not exist for them (404). */
  private async visible(id: number, actor: Actor, manager?: EntityManager): Promise<SavedViewRow> {
    const row = await this.views.findById(id, manager);
    if (!row || (!row.view.shared && row.view.ownerId !== actor.id))
      throw new NotFoundException(`Saved view ${id} not found`);
    return row;
  }

  /** The view if the caller may change it: 403 for a shared view unless admin. */
  private async editable(id: number, actor: Actor, manager: EntityManager): Promise<SavedViewRow> {
    const row = await this.visible(id, actor, manager);
    if (!this.mayEdit(row.view, actor)) throw new ForbiddenException('Only admins may edit a shared view');
    return row;
  }

  private assertAdmin(actor: Actor, message: string): void {
    if (actor.role !== 'admin') throw new ForbiddenException(message);
  }

  private async assertNameFree(
    ownerId: number,
    name: string,
    selfId: number | null,
    manager: EntityManager,
  ): Promise<void> {
    const other = await this.views.findByOwnerAndName(ownerId, name, manager);
    if (other && other.id !== selfId) throw new ConflictException(`A view named "${name}" already exists`);
  }
}

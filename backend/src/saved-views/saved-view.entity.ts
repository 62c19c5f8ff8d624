import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A named list query string, personal or shared. Table created by migration CreateSavedView. */
@Entity('saved_view')
export class SavedViewEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'owner_id', type: 'integer' })
  ownerId!: number;

  @Column({ type: 'varchar' })
  name!: string;

  /** The list's query string, canonical (see view-query.ts). */
  @Column({ type: 'varchar' })
  query!: string;

  @Column({ type: 'boolean', default: false })
  shared!: boolean;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}

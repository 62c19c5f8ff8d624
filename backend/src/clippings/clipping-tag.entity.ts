import type { LinkSource } from '@jianbao/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A tag on a clipping. Table created by migration CreateClippingTag. */
@Entity('clipping_tag')
export class ClippingTagEntity {
  @PrimaryColumn({ name: 'clipping_id', type: 'integer' })
  clippingId!: number;

  @PrimaryColumn({ name: 'tag_id', type: 'integer' })
  tagId!: number;

  @Column({ type: 'varchar', default: 'manual' })
  source!: LinkSource;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}

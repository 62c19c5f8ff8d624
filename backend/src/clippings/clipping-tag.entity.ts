import type { LinkSource } from '@jianbao/contracts';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TagEntity } from '../tags/tag.entity';

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

  @ManyToOne(() => TagEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tag_id' })
  tag?: TagEntity;
}

import type { LinkSource } from '@jianbao/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A region a clipping is about. Table created by migration CreateClippingRegion. */
@Entity('clipping_region')
export class ClippingRegionEntity {
  @PrimaryColumn({ name: 'clipping_id', type: 'integer' })
  clippingId!: number;

  @PrimaryColumn({ name: 'region_id', type: 'integer' })
  regionId!: number;

  @Column({ type: 'varchar', default: 'manual' })
  source!: LinkSource;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}

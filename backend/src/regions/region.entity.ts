import type { RegionLevel } from '@jianbao/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An administrative region (GB/T 2260). Table created by migration CreateRegion. */
@Entity('region')
export class RegionEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar' })
  code!: string;

  @Column({ type: 'varchar' })
  name!: string;

  @Column({ type: 'varchar' })
  level!: RegionLevel;

  @Column({ name: 'parent_id', type: 'integer', nullable: true })
  parentId!: number | null;
}

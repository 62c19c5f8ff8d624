import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A newspaper (or other publication) clippings are cut from. Table created by migration CreatePublication. */
@Entity('publication')
export class PublicationEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar' })
  name!: string;

  @Column({ name: 'short_name', type: 'varchar', nullable: true })
  shortName!: string | null;

  @Column({ name: 'home_region_code', type: 'varchar', nullable: true })
  homeRegionCode!: string | null;

  @Column({ type: 'varchar', default: 'zh-CN' })
  language!: string;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}

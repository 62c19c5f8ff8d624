import { CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A chain of continued clippings; the parts carry its id in clipping.article_id. Migration CreateArticle. */
@Entity('article')
export class ArticleEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}

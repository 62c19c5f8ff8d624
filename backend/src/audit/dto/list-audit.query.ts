import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PageQuery } from '../../common/page.query';

/** `GET /api/audit?page&pageSize&action`. */
export class ListAuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'login-failed' })
  @IsOptional()
  @Matches(/^[a-z][a-z-]{0,39}$/, { message: 'action must be a kebab-case action name' })
  action?: string;
}

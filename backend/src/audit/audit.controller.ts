import type { AuditEvent, Page } from '@jianbao/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access';
import { pageWindow } from '../common/page.query';
import { AuditService } from './audit.service';
import { ListAuditQuery } from './dto/list-audit.query';

@ApiTags('audit')
@Controller('audit')
@Roles('admin')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOkResponse({ description: 'Page<AuditEvent>, newest first' })
  list(@Query() query: ListAuditQuery): Promise<Page<AuditEvent>> {
    return this.audit.list({ action: query.action }, pageWindow(query));
  }
}

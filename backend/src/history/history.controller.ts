import type { Clipping, ClippingRevision } from '@jianbao/contracts';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentUser } from '../common/access';
import { IdParam } from '../common/parse-id.pipe';
import { RestoreRevisionDto } from './dto/restore-revision.dto';
import { HistoryService } from './history.service';
import { RevisionRestoreService } from './revision-restore.service';

@ApiTags('clippings')
@Controller('clippings')
export class HistoryController {
  constructor(
    private readonly history: HistoryService,
    private readonly restorer: RevisionRestoreService,
  ) {}

  /** Every recorded change of the clipping, newest first (a trashed clipping's history: admins only). */
  @Get(':id/history')
  @ApiOkResponse({ description: 'ClippingRevision[], newest first' })
  @ApiNotFoundResponse()
  list(@IdParam() id: number, @CurrentUser() actor: Actor | null): Promise<ClippingRevision[]> {
    return this.history.list(id, actor?.role === 'admin');
  }

  /** Brings back an earlier version as a new one. */
  @Post(':id/restore')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The clipping as restored' })
  @ApiConflictResponse({ description: 'currentVersion is stale (details.current is the clipping now)' })
  @ApiNotFoundResponse({ description: 'Unknown clipping or version' })
  restore(
    @IdParam() id: number,
    @Body() body: RestoreRevisionDto,
    @CurrentUser() actor: Actor | null,
  ): Promise<Clipping> {
    return this.restorer.restore(id, body, actor);
  }
}

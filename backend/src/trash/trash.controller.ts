import type { BulkRestoreResult, Page, RestoredClipping, TrashItem } from '@jianbao/contracts';
import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, CurrentUser, Roles } from '../common/access';
import { PageQuery, pageWindow } from '../common/page.query';
import { IdParam } from '../common/parse-id.pipe';
import { BulkRestoreDto } from './dto/bulk-restore.dto';
import { TrashService } from './trash.service';

@ApiTags('trash')
@Controller('trash')
@Roles('admin')
export class TrashController {
  constructor(private readonly trash: TrashService) {}

  @Get()
  @ApiOkResponse({
    description: 'Page<TrashItem>, most recently deleted first, each with the live clippings it duplicates',
  })
  list(@Query() query: PageQuery): Promise<Page<TrashItem>> {
    return this.trash.list(pageWindow(query));
  }

  @Post('restore')
  @HttpCode(200)
  @ApiOkResponse({ description: 'BulkRestoreResult: every item restored, in one transaction' })
  @ApiConflictResponse({
    description: 'One or more cannot be restored: none is; `details.items` names each problem',
  })
  restoreMany(@Body() body: BulkRestoreDto, @CurrentUser() actor: Actor | null): Promise<BulkRestoreResult> {
    return this.trash.restoreMany(body.ids, actor);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      'The restored clipping (RestoredClipping), with `duplicates`: the live clippings it duplicates',
  })
  @ApiConflictResponse({ description: 'Its id is taken again or its publication is gone' })
  @ApiNotFoundResponse()
  restore(@IdParam() id: number, @CurrentUser() actor: Actor | null): Promise<RestoredClipping> {
    return this.trash.restore(id, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Purged for good' })
  @ApiNotFoundResponse()
  purge(@IdParam() id: number, @CurrentUser() actor: Actor | null): Promise<void> {
    return this.trash.purge(id, actor);
  }

  @Delete()
  @ApiOkResponse({ description: '{purged}: how many items were purged for good' })
  empty(@CurrentUser() actor: Actor | null): Promise<{ purged: number }> {
    return this.trash.empty(actor);
  }
}

/** `DELETE /clippings/:id`: deleting a clipping moves it to the trash. */
@ApiTags('clippings')
@Controller('clippings')
export class ClippingTrashController {
  constructor(private readonly trash: TrashService) {}

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Moved to the trash' })
  remove(@IdParam() id: number, @CurrentUser() actor: Actor | null): Promise<void> {
    return this.trash.trashClipping(id, actor);
  }
}

import { Module } from '@nestjs/common';
import { ClippingsModule } from '../clippings/clippings.module';
import { IssueMapController } from './issue-map.controller';
import { IssueMapService } from './issue-map.service';

/** The issue map (版次): no table of its own, read through the clippings readers. */
@Module({
  imports: [ClippingsModule],
  controllers: [IssueMapController],
  providers: [IssueMapService],
})
export class IssueMapModule {}

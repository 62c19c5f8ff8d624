import type { Dashboard, WorkQueues } from '@jianbao/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DashboardService } from './dashboard.service';
import { DashboardQueryDto } from './dto/dashboard.query';

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @ApiOkResponse({
    description: 'Clippings per issue day and week, publication, region, topic, and the work queues',
  })
  @ApiBadRequestResponse({ description: 'days outside 7–366, regionId not a positive integer' })
  @ApiNotFoundResponse({ description: 'No such region' })
  get(@Query() query: DashboardQueryDto): Promise<Dashboard> {
    return this.dashboard.dashboard(query);
  }

  @Get('queues')
  @ApiOkResponse({ description: 'The work queues alone (the navigation shows their counts)' })
  queues(): Promise<WorkQueues> {
    return this.dashboard.queues();
  }
}

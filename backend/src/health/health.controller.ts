import type { Health } from '@jianbao/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/access';
import { HealthService } from './health.service';

class HealthDto implements Health {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ enum: ['ok'] }) database!: 'ok';
  @ApiProperty({ example: '0.1.0' }) version!: string;
  @ApiProperty({ description: 'True until the first admin exists (one-time setup screen)' })
  setupRequired!: boolean;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: HealthDto })
  check(): Promise<Health> {
    return this.health.check();
  }
}

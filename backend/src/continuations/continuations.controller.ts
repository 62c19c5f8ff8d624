import type { ContinuationView, WaitingPart } from '@jianbao/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, CurrentUser } from '../common/access';
import { IdParam, ParseIdPipe } from '../common/parse-id.pipe';
import { validationFailed } from '../common/validation';
import { ContinuationsService } from './continuations.service';
import { SetContinuationDto } from './dto/set-continuation.dto';
import { WaitingQueryDto } from './dto/waiting.query';

@ApiTags('continuations')
@Controller('continuations')
export class ContinuationsController {
  constructor(private readonly continuations: ContinuationsService) {}

  @Get('waiting')
  @ApiOkResponse({ description: 'Tails waiting for their head and heads waiting for their tail' })
  waiting(@Query() query: WaitingQueryDto): Promise<WaitingPart[]> {
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
      throw validationFailed([
        {
          field: 'to',
          errors: ['to must not be before from'],
          constraints: [{ constraint: 'notBefore', other: 'from' }],
        },
      ]);
    }
    return this.continuations.waiting(query);
  }

  @Post('suggestions/:id/accept')
  @HttpCode(200)
  @ApiOkResponse({ description: "The tail's continuation view" })
  @ApiConflictResponse({
    description: 'A part already has another neighbour, or the link would close a cycle',
  })
  accept(
    @Param('id', new ParseIdPipe('id')) id: number,
    @CurrentUser() actor: Actor | null,
  ): Promise<ContinuationView> {
    return this.continuations.accept(id, actor);
  }

  @Post('suggestions/:id/reject')
  @HttpCode(200)
  @ApiOkResponse({ description: "The tail's continuation view" })
  reject(
    @Param('id', new ParseIdPipe('id')) id: number,
    @CurrentUser() actor: Actor | null,
  ): Promise<ContinuationView> {
    return this.continuations.reject(id, actor);
  }
}

/** The continuation routes under a clipping. */
@ApiTags('continuations')
@Controller('clippings')
export class ClippingContinuationController {
  constructor(private readonly continuations: ContinuationsService) {}

  @Get(':id/continuation')
  @ApiOkResponse({ description: 'The chain through the clipping and open proposals, best first' })
  @ApiNotFoundResponse()
  get(@IdParam() id: number): Promise<ContinuationView> {
    return this.continuations.view(id);
  }

  @Put(':id/continuation')
  @ApiOkResponse({ description: 'The new continuation view' })
  @ApiBadRequestResponse({ description: 'Across publications, or to itself' })
  @ApiConflictResponse({ description: 'A cycle, or the other part already has a different neighbour' })
  @ApiNotFoundResponse()
  set(
    @IdParam() id: number,
    @Body() body: SetContinuationDto,
    @CurrentUser() actor: Actor | null,
  ): Promise<ContinuationView> {
    return this.continuations.setContinuation(id, body, actor);
  }
}

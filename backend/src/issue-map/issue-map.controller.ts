import type { IssueMap } from '@jianbao/contracts';
import { Controller, Get, Param, type PipeTransform } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { isIsoCalendarDate } from '../common/is-iso-date';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { validationFailed } from '../common/validation';
import { IssueMapService } from './issue-map.service';

/** A path date: a real calendar date written `YYYY-MM-DD`, else a 400 naming the parameter. */
class ParseIsoDatePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isIsoCalendarDate(value))
      throw validationFailed([{ field: 'date', errors: ['date must be a real date written YYYY-MM-DD'] }]);
    return value;
  }
}

@ApiTags('issues')
@Controller('issues')
export class IssueMapController {
  constructor(private readonly issues: IssueMapService) {}

  @Get(':publicationId/:date')
  @ApiParam({ name: 'publicationId', type: Number })
  @ApiParam({ name: 'date', type: String, example: '2024-10-22' })
  @ApiOkResponse({
    description:
      'The pages of one issue in print order: filed pages with their clippings, pages a jump marker points at, gaps',
  })
  get(
    @Param('publicationId', new ParseIdPipe('publicationId')) publicationId: number,
    @Param('date', new ParseIsoDatePipe()) date: string,
  ): Promise<IssueMap> {
    return this.issues.get(publicationId, date);
  }
}

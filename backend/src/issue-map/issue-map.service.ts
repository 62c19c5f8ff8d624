import type { IssueMap } from '@jianbao/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { References } from '../catalog/references';
import { ChainReader } from '../clippings/read/chain-reader';
import { issuePages } from './issue-pages';

/** The issue map (版次): one publication's issue, page by page, read through the clippings readers. */
@Injectable()
export class IssueMapService {
  constructor(
    private readonly chains: ChainReader,
    private readonly references: References,
  ) {}

  async get(publicationId: number, issueDate: string): Promise<IssueMap> {
    const publicationName = await this.references.publicationName(publicationId);
    if (publicationName === null) throw new NotFoundException(`Publication ${publicationId} not found`);
    const clippings = await this.chains.issueClippings(publicationId, issueDate);
    const around = await this.chains.neighbourIssues(publicationId, issueDate);
    return {
      publicationId,
      publicationName,
      issueDate,
      pages: issuePages(clippings),
      previousDate: around.previous,
      nextDate: around.next,
    };
  }
}

import { BadRequestException } from '@nestjs/common';
import { parseViewQuery } from './view-query';

async function refusal(text: string): Promise<string[]> {
  try {
    await parseViewQuery(text);
  } catch (err) {
    if (!(err instanceof BadRequestException)) throw err;
    const body = err.getResponse() as { details: { field: string }[] };
    return body.details.map((d) => d.field);
  }
  throw new Error(`${text} was accepted`);
}

describe('parseViewQuery', () => {
  it('keeps the filters in the table’s order, then the sort, and drops the page and page size', async () => {
    const { canonical, dto } = await parseViewQuery(
      '?sort=title&pageSize=100&q=梁山&page=2&kind=brief&tagId=4',
    );
    expect(canonical).toBe('kind=brief&tagId=4&q=%E6%A2%81%E5%B1%B1&sort=title');
    expect({ ...dto }).toEqual({ sort: 'title', q: '梁山', kind: 'brief', tagId: 4 });
  });

  it('reads what the UI writes back to the same string', async () => {
    const first = (await parseViewQuery('publicationId=3&q=%E9%B1%BC%E5%8F%B0+%E5%AD%A6%E6%A0%A1')).canonical;
    expect((await parseViewQuery(first)).canonical).toBe(first);
    expect((await parseViewQuery('')).canonical).toBe('');
  });

  it('refuses what the list refuses, naming the field inside the query', async () => {
    expect(await refusal('kind=poem')).toEqual(['query.kind']);
    expect(await refusal('colour=red')).toEqual(['query.colour']);
    expect(await refusal('status=draft&status=reviewed')).toEqual(['query.status']);
    expect(await refusal('q=a%00b')).toEqual(['query.q']);
    expect(await refusal('__proto__=1')).toEqual(['query.__proto__']);
    expect(await refusal('page=0')).toEqual(['query.page']);
  });
});

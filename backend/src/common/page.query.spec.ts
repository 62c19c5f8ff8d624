import { pageWindow } from './page.query';

describe('pageWindow', () => {
  it('defaults to page 1 of 50', () => {
    expect(pageWindow({})).toEqual({ page: 1, pageSize: 50, offset: 0 });
  });

  it('computes the offset', () => {
    expect(pageWindow({ page: 3, pageSize: 20 })).toEqual({ page: 3, pageSize: 20, offset: 40 });
  });
});

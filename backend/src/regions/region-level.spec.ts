import { parentLevelProblem } from './region-level';

describe('parentLevelProblem', () => {
  it.each([
    ['province', null],
    ['prefecture', 'province'],
    ['county', 'prefecture'],
    ['county', 'province'],
  ] as const)('allows a %s under %s', (child, parent) => {
    expect(parentLevelProblem(child, parent)).toBeNull();
  });

  it.each([
    ['prefecture', null],
    ['county', null],
    ['province', 'province'],
    ['prefecture', 'county'],
    ['prefecture', 'prefecture'],
  ] as const)('refuses a %s under %s', (child, parent) => {
    expect(parentLevelProblem(child, parent)).toEqual(expect.any(String));
  });
});

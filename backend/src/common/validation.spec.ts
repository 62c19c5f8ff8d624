import { BadRequestException } from '@nestjs/common';
import { IsIn, IsString, Matches, MaxLength, MinLength, type ValidationError } from 'class-validator';
import { latestIssueDate } from '@jianbao/contracts';
import { IsIssueDate } from './is-iso-date';
import {
  createValidationPipe,
  flattenValidationErrors,
  knownFieldsFirst,
  unstorableInput,
  validationFailed,
} from './validation';

class SampleBody {
  @IsString() @MaxLength(5) title!: string;
  @IsString() @MinLength(8) password!: string;
  @Matches(/^[a-z]+$/) code!: string;
  @IsIn(['a', 'b']) kind!: string;
  @IsIssueDate() issueDate!: string;
}

async function detailsOf(body: unknown): Promise<unknown> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: SampleBody, data: '' });
  } catch (e) {
    if (e instanceof BadRequestException) return (e.getResponse() as { details: unknown }).details;
    throw e;
  }
  return null;
}

describe('the validation pipe: machine-readable constraints', () => {
  it('names each broken constraint with its parameters, beside the English messages', async () => {
    const details = await detailsOf({
      title: '一二三四五六',
      password: 'short',
      code: 'ABC',
      kind: 'c',
      issueDate: '2999-01-01',
      extra: 1,
    });
    expect(details).toEqual([
      {
        field: 'title',
        errors: ['title must be shorter than or equal to 5 characters'],
        constraints: [{ constraint: 'maxLength', max: 5 }],
      },
      { field: 'password', errors: [expect.any(String)], constraints: [{ constraint: 'minLength', min: 8 }] },
      { field: 'code', errors: [expect.any(String)], constraints: [{ constraint: 'matches' }] },
      {
        field: 'kind',
        errors: [expect.any(String)],
        constraints: [{ constraint: 'isIn', values: ['a', 'b'] }],
      },
      {
        field: 'issueDate',
        errors: [expect.stringContaining(latestIssueDate(new Date()))],
        constraints: [{ constraint: 'issueDateRange', max: latestIssueDate(new Date()) }],
      },
      {
        field: 'extra',
        errors: ['property extra should not exist'],
        constraints: [{ constraint: 'whitelistValidation' }],
      },
    ]);
  });

  it('accepts an issue date before 1900 and one a year ahead', async () => {
    const ok = { title: 'a', password: '12345678', code: 'a', kind: 'a' };
    expect(await detailsOf({ ...ok, issueDate: '1872-04-30' })).toBeNull();
    expect(await detailsOf({ ...ok, issueDate: latestIssueDate(new Date()) })).toBeNull();
  });
});

describe('flattenValidationErrors', () => {
  it('keeps one entry per field, nested fields dotted', () => {
    const errors: ValidationError[] = [
      { property: 'issueDate', constraints: { isIsoDate: 'issueDate must be a real date' }, children: [] },
      {
        property: 'subheads',
        children: [{ property: '0', constraints: { isString: 'each value must be a string' }, children: [] }],
      },
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      {
        field: 'issueDate',
        errors: ['issueDate must be a real date'],
        constraints: [{ constraint: 'isIsoDate' }],
      },
      {
        field: 'subheads.0',
        errors: ['each value must be a string'],
        constraints: [{ constraint: 'isString' }],
      },
    ]);
  });
});

describe('validationFailed', () => {
  it('names every bad field in the message', () => {
    const response = validationFailed([
      { field: 'publicationId', errors: ['a'] },
      { field: 'colour', errors: ['b'] },
    ]).getResponse();
    expect(response).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Validation failed: publicationId, colour',
      details: [
        { field: 'publicationId', errors: ['a'] },
        { field: 'colour', errors: ['b'] },
      ],
    });
  });
});

describe('knownFieldsFirst', () => {
  it('moves unknown-property errors after the others, keeping order otherwise', () => {
    expect(
      knownFieldsFirst([
        { field: 'colour', errors: ['property colour should not exist'] },
        { field: 'publicationId', errors: ['x'] },
        { field: 'issueDate', errors: ['y'] },
      ]).map((d) => d.field),
    ).toEqual(['publicationId', 'issueDate', 'colour']);
  });
});

describe('unstorableInput', () => {
  it('names strings with a NUL byte or a lone surrogate, and __proto__ keys, by path', () => {
    const body = JSON.parse(
      '{"a":"ok\\n\\t\\u0001","b":["x","y\\u0000"],"c":{"d":"\\ud800"},"__proto__":{}}',
    ) as unknown;
    expect(unstorableInput(body).map((d) => d.field)).toEqual(['b.1', 'c.d', '__proto__']);
  });

  it('accepts paired surrogates (emoji, CJK extension B)', () => {
    expect(unstorableInput({ t: '😀𠀀', u: 1, v: null })).toEqual([]);
  });
});

import type { ValidationError } from 'class-validator';
import { flattenValidationErrors, knownFieldsFirst, unstorableInput, validationFailed } from './validation';

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
      { field: 'issueDate', errors: ['issueDate must be a real date'] },
      { field: 'subheads.0', errors: ['each value must be a string'] },
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

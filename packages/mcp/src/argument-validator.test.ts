import { describe, expect, it } from 'vitest';
import { argumentValidator } from './argument-validator';

const schema = {
  type: 'object',
  properties: { todo: { type: 'string', maxLength: 3 }, due: { type: 'string', format: 'date' } },
  required: ['todo'],
  additionalProperties: false,
};

describe('argumentValidator', () => {
  const validate = argumentValidator().getValidator<{ todo: string }>(schema);

  it('passes good arguments through', () => {
    expect(validate({ todo: 'abc', due: '2026-12-04' })).toEqual({
      valid: true,
      data: { todo: 'abc', due: '2026-12-04' },
      errorMessage: undefined,
    });
  });

  it.each([
    [{}, '`todo` is required'],
    [{ todo: 'abcd' }, '`todo` must NOT have more than 3 characters'],
    [{ todo: 'a', username: 'bob' }, '`username` is not allowed here'],
    [{ todo: 'a', due: 'Friday' }, '`due` must match format "date"'],
  ])('names the field of %j in the REST API words', (args, message) => {
    expect(validate(args)).toMatchObject({ valid: false, errorMessage: message });
  });
});

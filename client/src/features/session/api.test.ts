import { describe, expect, it } from 'vitest';
import { toFieldErrors } from './api';

describe('toFieldErrors', () => {
  it('puts the messages of email and password (in any case) on their fields and keeps the rest apart', () => {
    expect(
      toFieldErrors({
        title: 'One or more validation errors occurred.',
        errors: {
          Email: ["'Email' must not be empty."],
          password: ["'Password' must not be empty.", ''],
          $: ['The body is not valid JSON.'],
        },
      }),
    ).toEqual({
      fieldErrors: { email: ["'Email' must not be empty."], password: ["'Password' must not be empty."] },
      otherErrors: ['The body is not valid JSON.'],
    });
  });

  it('finds no errors in a body without an errors object', () => {
    const none = { fieldErrors: {}, otherErrors: [] };
    expect(toFieldErrors({ title: 'Bad request' })).toEqual(none);
    expect(toFieldErrors('<html>Bad gateway</html>')).toEqual(none);
    expect(toFieldErrors(null)).toEqual(none);
  });
});

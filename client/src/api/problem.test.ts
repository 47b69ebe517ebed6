import { describe, expect, it } from 'vitest';
import { toFieldErrors, toProblem } from './problem';

describe('toProblem', () => {
  it('keeps the title and detail of a problem document', () => {
    expect(toProblem({ title: 'Bad request', detail: 'limit must be at most 200' })).toEqual({
      title: 'Bad request',
      detail: 'limit must be at most 200',
    });
  });

  it('keeps nothing from a body that is not a problem document', () => {
    expect(toProblem('<html>Bad gateway</html>')).toEqual({});
    expect(toProblem({ title: '  ', detail: 'No title here' })).toEqual({ title: undefined, detail: 'No title here' });
  });
});

describe('toFieldErrors', () => {
  it('groups messages by field in lower case and drops empty ones', () => {
    expect(
      toFieldErrors({ errors: { startsOn: ['must be a date'], StartsOn: 'is required', 'sessions[0].endsAt': ['', 'after start'] } }),
    ).toEqual({ startson: ['must be a date', 'is required'], 'sessions[0].endsat': ['after start'] });
    expect(toFieldErrors({ title: 'Conflict' })).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { toProblem } from './problem';

describe('toProblem', () => {
  it('keeps the title and detail of a problem document', () => {
    expect(toProblem({ title: 'Bad request', detail: 'limit must be at most 200' }, 400)).toEqual({
      title: 'Bad request',
      detail: 'limit must be at most 200',
    });
  });

  it('falls back to the status when the body is not a problem document', () => {
    expect(toProblem('<html>Bad gateway</html>', 502)).toEqual({ title: 'The request failed (HTTP 502).' });
    expect(toProblem({ detail: 'No title here' }, 500)).toEqual({
      title: 'The request failed (HTTP 500).',
      detail: 'No title here',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatPercent } from './format';

describe('formatDate', () => {
  it('formats an ISO date in the chosen locale without shifting the day', () => {
    expect(formatDate('2024-01-01')).toBe('1 Jan 2024');
    expect(formatDate('2025-12-31')).toBe('31 Dec 2025');
    expect(formatDate('2024-03-01', 'fr-FR')).toBe('1 mars 2024');
  });

  it('shows anything that is not a real calendar date as it came', () => {
    expect(formatDate('2024-02-31')).toBe('2024-02-31');
    expect(formatDate('soon')).toBe('soon');
  });
});

describe('numbers and moments', () => {
  it('follow the locale', () => {
    expect(formatNumber(1234.5, 'en-GB')).toBe('1,234.5');
    expect(formatNumber(1234.5, 'fr-FR').replace(/\s/g, ' ')).toBe('1 234,5');
    expect(formatPercent(42.5, 'en-GB')).toBe('42.5%');
    expect(formatPercent(42.5, 'fr-FR').replace(/\s/g, ' ')).toBe('42,5 %');
    expect(formatDateTime('not a time')).toBe('not a time');
  });
});

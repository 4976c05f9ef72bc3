import { describe, expect, it } from 'vitest';
import { clockTimeToS, sToClockTime } from '../src';

describe('sToClockTime', () => {
  it('is the inverse of clockTimeToS on every minute of the day', () => {
    for (let minute = 0; minute < 24 * 60; minute += 7) {
      const time = sToClockTime(minute * 60);
      expect(clockTimeToS(time)).toBe(minute * 60);
    }
  });

  it('rounds to the minute, and goes on past midnight unless asked to wrap', () => {
    expect(sToClockTime(7 * 3600 + 29)).toBe('07:00');
    expect(sToClockTime(7 * 3600 + 31)).toBe('07:01');
    expect(sToClockTime(24 * 3600 + 600)).toBe('24:10');
    expect(sToClockTime(24 * 3600 + 600, { wrap: true })).toBe('00:10');
  });
});

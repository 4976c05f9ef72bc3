import type { Weekday } from '@paketbygd/model';

/** Delivery days for a number of deliveries a week, spread so that the gaps are even. */
const SPREAD: Record<number, Weekday[]> = {
  1: ['wed'],
  2: ['tue', 'thu'],
  3: ['mon', 'wed', 'fri'],
  4: ['mon', 'tue', 'thu', 'fri'],
  5: ['mon', 'tue', 'wed', 'thu', 'fri'],
  6: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
  7: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
};

export function deliveryDays(perWeek: number): Weekday[] {
  const days = SPREAD[perWeek];
  if (!days) throw new Error(`deliveries per week must be 1..7, not ${perWeek}`);
  return days;
}

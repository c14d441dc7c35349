import type { WorkingDayCalendar } from '../../../../shared/checklist';

/** A test calendar that skips weekends only (no bank holidays). Day 0 is the given date. */
export const weekdayCalendar: WorkingDayCalendar = {
  addWorkingDays(date: string, n: number): string {
    const d = new Date(`${date}T00:00:00Z`);
    let left = n;
    while (left > 0) {
      d.setUTCDate(d.getUTCDate() + 1);
      const day = d.getUTCDay();
      if (day !== 0 && day !== 6) left -= 1;
    }
    return d.toISOString().slice(0, 10);
  },
};

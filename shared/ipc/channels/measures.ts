// Channels for the Measures screen: the figures for a period, and the referrals behind any one
// figure a page at a time. Managers and administrators only (domain §1: managers oversee).
import * as z from 'zod';
import type { UserRole } from '../../domain/types';
import { DRILLS, KEYED_DRILLS, type DrillPage, type Measures } from '../../measures/types';
import { MAX_PERIOD_DAYS } from '../../measures/period';
import { daysBetweenIso } from '../../calendar/dates';
import { isIsoDate } from '../../validation/formats';
import { channel, result } from '../define';

export const MEASURES_ROLES: readonly UserRole[] = ['manager', 'admin'];
export const DRILL_PAGE_SIZE_MAX = 100;

const isoDate = z.string().refine(isIsoDate, 'Enter a real date, for example 01/11/2026');

const period = {
  /** London dates, inclusive. */
  from: isoDate,
  to: isoDate,
};

function checkPeriod(v: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (!isIsoDate(v.from) || !isIsoDate(v.to)) return;
  if (v.from > v.to) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: 'The end date must be on or after the start date',
    });
  } else if (daysBetweenIso(v.from, v.to) > MAX_PERIOD_DAYS) {
    ctx.addIssue({
      code: 'custom',
      path: ['from'],
      message: 'Choose a period of ten years or less',
    });
  }
}

export const measuresChannels = {
  'measures:get': channel({
    summary:
      'The front door measures for a period of London dates: contacts and referrals, decisions within one working day, re-referrals, outcomes, strategy discussions and attendance, ICPCs within 15 working days, referrers told',
    access: MEASURES_ROLES,
    input: z.object(period).strict().superRefine(checkPeriod),
    result: result<Measures>(),
  }),
  'measures:drill': channel({
    summary: 'The referrals one measure counts, a page at a time',
    access: MEASURES_ROLES,
    input: z
      .object({
        ...period,
        drill: z.enum(DRILLS),
        /** The response type, census source code or user id of a keyed drill. */
        key: z.string().trim().min(1).max(100).optional(),
        page: z.number().int().min(0).max(1_000_000),
        pageSize: z.number().int().min(1).max(DRILL_PAGE_SIZE_MAX),
      })
      .strict()
      .superRefine(checkPeriod)
      .superRefine((v, ctx) => {
        if (KEYED_DRILLS.includes(v.drill) !== (v.key !== undefined)) {
          ctx.addIssue({
            code: 'custom',
            path: ['key'],
            message: KEYED_DRILLS.includes(v.drill)
              ? 'Say which row of the measure to open'
              : 'This measure has no rows to choose from',
          });
        }
      }),
    result: result<DrillPage>(),
  }),
};

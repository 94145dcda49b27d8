import type { DurationUnit } from '../../model/primitives.js';
import type { ConstraintType } from '../../model/task.js';
import type { LinkType } from '../../model/dependency.js';
import type { Weekday } from '../../model/calendar.js';

/**
 * MSPDI code tables, from the schema published with Microsoft Project
 * (project-xml-data-interchange/xml-schema-for-the-tasks-element and -calendars-element).
 */

/** DurationFormat / LagFormat codes → units; the 35–53 range marks estimated durations ("?"). */
export const DURATION_FORMATS: Readonly<Record<number, DurationUnit>> = {
  3: 'm', 4: 'em', 5: 'h', 6: 'eh', 7: 'd', 8: 'ed', 9: 'w', 10: 'ew', 11: 'mo', 12: 'emo', 19: '%', 20: 'e%',
  35: 'm', 36: 'em', 37: 'h', 38: 'eh', 39: 'd', 40: 'ed', 41: 'w', 42: 'ew', 43: 'mo', 44: 'emo', 51: '%', 52: 'e%', 53: 'd',
};

/** The format code written for a unit. */
export const FORMAT_OF_UNIT: Readonly<Record<DurationUnit, number>> = {
  m: 3, em: 4, h: 5, eh: 6, d: 7, ed: 8, w: 9, ew: 10, mo: 11, emo: 12, '%': 19, 'e%': 20,
};

/** PredecessorLink Type codes. */
export const LINK_TYPES_BY_CODE: readonly LinkType[] = ['FF', 'FS', 'SF', 'SS'];

/** ConstraintType codes. */
export const CONSTRAINTS_BY_CODE: readonly ConstraintType[] = ['ASAP', 'ALAP', 'MSO', 'MFO', 'SNET', 'SNLT', 'FNET', 'FNLT'];

/** WeekDay DayType 1–7 = Sunday–Saturday. */
export const WEEKDAYS_BY_DAY_TYPE: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Exception MonthItem codes: which day a relative pattern picks. */
export const MONTH_ITEMS = ['day', 'weekday', 'weekendDay', 'sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** Exception MonthPosition codes. */
export const MONTH_POSITIONS = ['first', 'second', 'third', 'fourth', 'last'] as const;

/** Exception Type codes: 1 daily, 7 every-n-days, 6 weekly, 5 monthly relative, 4 monthly absolute, 3 yearly relative, 2 yearly absolute. */
export const EXCEPTION_TYPES = {
  daily: 1,
  dailyEvery: 7,
  weekly: 6,
  monthlyWeekday: 5,
  monthlyDate: 4,
  yearlyWeekday: 3,
  yearlyDate: 2,
} as const;

/** Alias of the extended attribute (Text1) that carries a task's campaignkit id through MSPDI. */
export const ID_ATTRIBUTE_ALIAS = 'campaignkit id';
/** Field id of Text1, the extended attribute used for ids. */
export const ID_ATTRIBUTE_FIELD = '188743731';

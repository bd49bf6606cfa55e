import { addDays } from "../addDays/index.ts";
import { getDay } from "../getDay/index.ts";
import type { ContextOptions, DateArg, Day } from "../types.ts";

/**
 * The {@link nextDay} function options.
 */
export interface NextDayOptions<DateType extends Date = Date>
  extends ContextOptions<DateType> {}

/**
 * @name nextDay
 * @category Weekday Helpers
 * @summary When is the next day of the week? 0-6 the day of the week, 0 represents Sunday.
 *
 * @typeParam DateType - The `Date` type, the function operates on. Gets inferred from passed arguments. Allows to use extensions like [`UTCDate`](https://github.com/date-fns/utc).
 * @typeParam ResultDate - The result `Date` type, it is the type returned from the context function if it is passed, or inferred from the arguments.
 *
 * @param date - The date to check
 * @param day - Day of the week
 * @param options - An object with options
 *
 * @returns The date is the next day of the week
 *
 * @example
 * // When is the next Monday after Mar, 20, 2020?
 * const result = nextDay(new Date(2020, 2, 20), 1)
 * //=> Mon Mar 23 2020 00:00:00
 *
 * @example
 * // When is the next Tuesday after Mar, 21, 2020?
 * const result = nextDay(new Date(2020, 2, 21), 2)
 * //=> Tue Mar 24 2020 00:00:00
 */
export function nextDay<
  DateType extends Date,
  ResultDate extends Date = DateType,
>(
  date: DateArg<DateType>,
  day: Day,
  options?: NextDayOptions<ResultDate> | undefined,
): ResultDate {
  let delta = day - getDay(date, options);
  if (delta <= 0) delta += 7;

  return addDays(date, delta, options);
}

import type { MigrationGuideInput } from '../migration-guide.ts';

export const momentToDateFns: MigrationGuideInput = {
  id: 'moment-to-date-fns',
  title: 'Moment.js to date-fns',
  summary:
    'Replacing Moment.js (in maintenance mode) with date-fns: plain Date values and pure functions instead of mutable wrapper objects, Unicode format tokens, and explicit parsing.',
  ecosystem: 'npm',
  from: { name: 'moment', aliases: ['moment', 'moment.js', 'momentjs'] },
  to: { name: 'date-fns', aliases: ['date-fns', 'datefns'] },
  packages: ['moment', 'moment-timezone'],
  changes: [
    {
      change:
        'Moment objects are mutable (`m.add(1, "day")` changes `m`); date-fns functions take a `Date` and return a new one.',
      action: 'Assign the result: `date = addDays(date, 1)`; look for code that relied on mutation or on `.clone()`.',
      find: '\\.(add|subtract|startOf|endOf|set)\\(',
    },
    {
      change:
        "Format strings use Unicode tokens: Moment's `YYYY-MM-DD` is `yyyy-MM-dd`, `dddd` is `EEEE`, `A` is `a`; date-fns throws on `YYYY` and `DD` unless told otherwise, because they mean week-numbering year and day of year.",
      action: 'Translate every format string; test each one with a fixed date.',
      find: 'format\\( *["\'][^"\']*(YYYY|DD|dddd|A)',
    },
    {
      change:
        'Parsing is explicit: `moment(string)` guessed the format; date-fns has `parseISO()` for ISO 8601 and `parse(text, format, referenceDate)` otherwise, and returns an Invalid Date instead of throwing.',
      action: 'Use `parseISO` or `parse`, and check `isValid(date)`.',
      find: 'moment\\([^)]',
    },
    {
      change:
        'Manipulation and comparison are separate functions: `add(1, "days")` is `addDays`, `diff(b, "days")` is `differenceInDays(a, b)`, `fromNow()` is `formatDistanceToNow(date, { addSuffix: true })`, `isBefore` is `isBefore(a, b)`.',
      action: 'Replace method chains with function calls.',
      find: '\\.(diff|fromNow|isBefore|isAfter|isSame)\\(',
    },
    {
      change: 'Locales are imported explicitly and passed as an option.',
      action: "`import { de } from 'date-fns/locale'` and `format(date, pattern, { locale: de })`.",
      find: 'moment\\.locale\\(',
    },
    {
      change: 'Time zones are not built in: moment-timezone has no direct equivalent in date-fns itself.',
      action: 'Use `@date-fns/tz` (date-fns 4) or `date-fns-tz`, or `Intl.DateTimeFormat` with `timeZone` for display.',
      find: 'moment-timezone|\\.tz\\(',
    },
  ],
  steps: [
    {
      action: 'Install date-fns next to Moment and migrate module by module.',
      check: 'Tests of each migrated module pass with fixed dates (and a fixed time zone: `TZ=UTC`).',
    },
    {
      action: 'Remove Moment when nothing imports it.',
      check: 'The search for `moment` (below) finds nothing, and `npm ls moment` shows no package pulling it in.',
    },
  ],
  risks: [
    'Format strings that look alike but mean something else (`YYYY` vs `yyyy` differ around New Year).',
    "Code that depended on Moment's lenient parsing now gets Invalid Date: validate inputs.",
  ],
  companions: [{ name: 'moment-timezone', note: 'replace with @date-fns/tz (date-fns 4) or date-fns-tz.' }],
  patterns: ['ts-format-relative-time', 'ts-convert-timezone', 'ts-parse-iso-date-strictly', 'ts-add-business-days'],
  sourceFiles: ['js', 'mjs', 'cjs', 'ts'],
  references: [
    'https://momentjs.com/docs/#/-project-status/',
    'https://date-fns.org/docs/Getting-Started',
    'https://github.com/date-fns/date-fns/blob/main/docs/unicodeTokens.md',
  ],
};

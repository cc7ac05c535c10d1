/**
 * rules/ — the Daxing guide to the Beijing Work Residence Permit as data and pure functions.
 * No DOM, no browser APIs, no storage, no network; dates are `yyyy-MM-dd` strings at every boundary.
 */
export * from './model';
export * from './rule';
export * from './validate';
// Calendar-date helpers: only the checked/boundary ones (the integer arithmetic stays internal to rules/).
export { beijingDate, DateOrMonth, YearMonth } from './dates';
export {
  addWorkdays,
  AddWorkdaysInput,
  calendarCoverage,
  countWorkdays,
  CountWorkdaysInput,
  DayKind,
  enteredArrangements,
  HolidayArrangementSchema,
  hasOfficialData,
  setEnteredArrangements,
  yearSource,
  YearSource,
  type CountMode,
  type HolidayArrangement,
  isWorkday,
  IsWorkdayInput,
  RULE_CALENDAR_APPROXIMATE,
  WorkdayOffset,
  workdaysBefore,
  WorkdaysBeforeInput,
  type CalendarCoverage,
  type CountAnswer,
  type DateAnswer,
  type DayAnswer,
} from './calendar';
export * from './deadlines';
export * from './deadline-events';
export { HolidayNoticeError, HolidayNoticeText, parseHolidayNotice, summarizeArrangement, type ArrangementSummary, type HolidayRun } from './holiday-notice';
export { estimatedHolidays, possibleMakeupDays, type EstimatedHoliday } from './holiday-estimate';
export * from './validity';
export * from './wages';
export * from './income';
export * from './retirement';
export * from './education-levels';
export * from './eligibility';
export * from './field-rules';
export * from './checklist';
export * from './texts';
export * from './identity';
export * from './localities';
export * from './quarters';
export * from './scope';
export * from './registry';

// Times are shown in the group's time zone whatever the browser's.
export const TIME_ZONE = 'Asia/Shanghai';
export const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
};
export const formatTime = (v: string | number | Date, options: Intl.DateTimeFormatOptions = DATE_TIME_OPTIONS) =>
  new Date(v).toLocaleString('zh-CN', { ...options, timeZone: TIME_ZONE });
/** The calendar day (YYYY-MM-DD) of an instant in the group's time zone. */
export const shanghaiDate = (v: string | number | Date = new Date()) => new Date(v).toLocaleDateString('sv-SE', { timeZone: TIME_ZONE });

// Dates and times as organizers read and type them: in the venue's time zone, whatever the browser's.
// The registration window is stored as an instant with an offset; the form shows and takes wall-clock
// time at the venue (datetime-local) and converts with the zone's offset at that moment.

function partsIn(zone: string, instant: number): Record<string, number> {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return Object.fromEntries(format.formatToParts(new Date(instant)).filter((part) => part.type !== 'literal').map((part) => [part.type, Number(part.value)]));
}

/** The zone's offset from UTC at an instant, in minutes (Vienna in winter: 60). */
function offsetMinutes(zone: string, instant: number): number {
  const p = partsIn(zone, instant);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0');

/** 2027-02-15T23:59:59+01:00 in Europe/Vienna → 2027-02-15T23:59:59 (for a datetime-local input). */
export function wallTime(iso: string, zone: string): string {
  const p = partsIn(zone, Date.parse(iso));
  return `${pad(p.year!, 4)}-${pad(p.month!)}-${pad(p.day!)}T${pad(p.hour!)}:${pad(p.minute!)}:${pad(p.second!)}`;
}

/** 2027-02-15T23:59 (or with seconds) at the venue → 2027-02-15T23:59:00+01:00. */
export function instantFromWallTime(wall: string, zone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall);
  if (!match) return wall;
  // datetime-local leaves the seconds out when they are zero.
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const asUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  // The offset at the guessed instant, then again at the corrected one (differs only across a DST change).
  let offset = offsetMinutes(zone, asUtc);
  offset = offsetMinutes(zone, asUtc - offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  return `${wall.length === 16 ? `${wall}:00` : wall}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** 2017-07-10 → 10 Jul 2017. */
export function formatDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

export function formatDateRange(start: string, end: string): string {
  return start === end ? formatDate(start) : `${formatDate(start)} – ${formatDate(end)}`;
}

/** An instant at the venue (the event's zone), e.g. 10 Jul 2017, 09:30. */
export function formatInstant(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(new Date(iso));
}

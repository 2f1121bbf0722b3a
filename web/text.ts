// Looks up a dotted key ("fields.firstName.label") in a message catalogue. Shared by the build-time
// template (which writes English into the HTML) and the page script (which switches language).
export function lookup(messages: unknown, key: string): string {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return '';
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : '';
}

/** "9 7 2017": the GOV.UK way of giving an example date, in the order of the day, month and year fields. */
export function exampleDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day} ${month} ${year}`;
}

/** The day before `start` and the day after `end`, as ISO dates: plausible arrival and departure examples. */
export function travelExamples(start: string, end: string): { arrival: string; departure: string } {
  const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return { arrival: exampleDate(shift(start, -1)), departure: exampleDate(shift(end, 1)) };
}

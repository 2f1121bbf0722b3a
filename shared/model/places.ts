// Which country codes and time zones exist, as the runtime's Intl data knows them. Plain code without
// Zod, so the organizer console can list the same countries and zones the API's checks accept.

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

export function isKnownRegion(code: string): boolean {
  try {
    return regionNames.of(code) !== code;
  } catch {
    return false;
  }
}

/**
 * Every code countryCode accepts, found by asking isKnownRegion about each pair of letters, so the
 * API's document lists exactly what the API takes. A function, not a constant: only the document
 * and the console's event form need the list, and the page and the functions should not pay 676
 * look-ups when they load.
 */
export function knownRegionCodes(): string[] {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return [...letters].flatMap((first) => [...letters].map((second) => first + second)).filter(isKnownRegion);
}

export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The canonical zones the runtime knows (see knownRegionCodes on why a function). */
export function knownTimeZones(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone')].filter(isKnownTimeZone);
}

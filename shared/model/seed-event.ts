import { categories } from './participants.ts';
import { eventSchema, type ConferenceEvent } from './event-schema.ts';

// The first event the product was built for. Its registration window is left open on both sides so
// that the demo works on any day; a real event sets opensAt and closesAt.
export const seedEvent: ConferenceEvent = eventSchema.parse({
  id: 'osce-drugs-2017',
  title: '2017 OSCE-wide Conference on Combating the Threat of Illicit Drugs and the Diversion of Chemical Precursors',
  subtitle: 'Nexus between Illicit Drugs, Organized Crime and Terrorism',
  organizer: 'OSCE Transnational Threats Department / Strategic Police Matters Unit',
  venue: { name: 'Hofburg (Neuer Saal)', city: 'Vienna', country: 'AT' },
  startDate: '2017-07-10',
  endDate: '2017-07-11',
  timeZone: 'Europe/Vienna',
  registration: {},
  categories: [...categories],
  referencePrefix: 'DRUGS17',
});

import { randomUUID } from 'node:crypto';

/** A unique address per test, so mail and registrations of different tests never mix. */
export function uniqueEmail(label = 'delegate'): string {
  return `${label}.${randomUUID().slice(0, 8)}@example.org`;
}

export function validForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Dr',
    firstName: 'Anna',
    lastName: 'Berger',
    email: uniqueEmail(),
    phone: '+43 1 514 36 0',
    category: 'participating_state',
    country: 'AT',
    organization: 'Federal Ministry of the Interior',
    position: 'Head of Unit',
    language: 'en',
    arrivalDate: '2017-07-09',
    departureDate: '2017-07-12',
    consents: { privacyNotice: true, participantList: true, photography: false },
    ...overrides,
  };
}

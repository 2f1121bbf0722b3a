// Who registers: the categories of participants an event may invite, and the forms of address.
export const categories = [
  'participating_state',
  'partner_for_cooperation',
  'osce_executive_structure',
  'osce_field_operation',
  'international_organization',
  'civil_society',
] as const;
export type Category = (typeof categories)[number];

export const titles = ['Mr', 'Ms', 'Mx', 'Dr', 'Prof', 'H.E.'] as const;

// The optional columns of the registrations table and the person's choice of them, remembered for the
// browser tab (sessionStorage: nothing about participants, only column names).
export const columnKeys = ['reference', 'email', 'organization', 'position', 'category', 'country', 'status', 'emailStatus', 'language', 'phone', 'createdAt', 'confirmedAt'] as const;
export type ColumnKey = (typeof columnKeys)[number];

export const defaultColumns: ColumnKey[] = ['reference', 'organization', 'category', 'country', 'status', 'createdAt'];

const storageKey = 'console.columns';

export function chosenColumns(storage: Pick<Storage, 'getItem'> = sessionStorage): ColumnKey[] {
  try {
    const stored = JSON.parse(storage.getItem(storageKey) ?? 'null') as unknown;
    if (Array.isArray(stored)) return columnKeys.filter((key) => stored.includes(key));
  } catch {
    // A damaged value: the defaults.
  }
  return defaultColumns;
}

export function rememberColumns(columns: readonly ColumnKey[], storage: Pick<Storage, 'setItem'> = sessionStorage): void {
  storage.setItem(storageKey, JSON.stringify(columns));
}

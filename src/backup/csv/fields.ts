/** The kinds of CSV file Tierwise imports, and the fields each one can fill. */
export const CSV_KINDS = ['clients', 'transactions', 'interactions'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

export const CSV_FIELDS = {
  clients: [
    'id',
    'name',
    'company',
    'email',
    'phone',
    'industry',
    'region',
    'source',
    'tags',
    'notes',
    'hourlyRate',
    'contactName',
    'contactRole',
    'contactEmail',
    'contactPhone',
  ],
  transactions: [
    'clientId',
    'clientName',
    'date',
    'amount',
    'quantity',
    'unitPrice',
    'id',
    'cost',
    'hours',
    'dueDate',
    'paidDate',
    'reference',
    'description',
  ],
  interactions: ['clientId', 'clientName', 'date', 'kind', 'id', 'summary', 'followUpDate'],
} as const satisfies Record<CsvKind, readonly string[]>;

export type CsvField = (typeof CSV_FIELDS)[CsvKind][number];

/**
 * Fields without which a file cannot be imported (the client: by id or by name; a
 * transaction's amount: its own column, or a unit price — times the quantity when given).
 */
export const REQUIRED_FIELDS: Record<CsvKind, readonly (CsvField | 'client')[]> = {
  clients: ['name'],
  transactions: ['client', 'date', 'amount'],
  interactions: ['client', 'date'],
};

/** Column index of each field, or null when no column holds it. */
export type CsvMapping = Partial<Record<CsvField, number | null>>;

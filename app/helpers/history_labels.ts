/**
 * How the history of changes names each recorded field and enumerated value, per
 * kind of record: the i18n prefix of field names, and of the values of fields
 * that hold a code (a sector, a status...).
 */
export const HISTORY_LABELS: Record<string, { fields: string; values: Record<string, string> }> = {
  Company: {
    fields: 'companies.fields.',
    values: {
      sector: 'companies.sectors.',
      status: 'companies.statuses.',
      exitReason: 'companies.exit_reasons.',
      legalForm: 'companies.legal_forms.',
    },
  },
  Agreement: {
    fields: 'agreements.fields.',
    values: { status: 'agreements.statuses.' },
  },
  Invoice: {
    fields: 'invoices.fields.',
    values: {
      kind: 'invoices.kinds.',
      status: 'invoices.statuses.',
      lineKind: 'invoices.line_kinds.',
      unit: 'invoices.unit_names.',
    },
  },
  Cell: { fields: 'cells.fields.', values: {} },
  User: { fields: 'users.fields.', values: { role: 'roles.' } },
  Setting: {
    fields: 'settings.fields.',
    values: {
      managers_two_factor_required: 'settings.switch.',
      tenants_may_invite: 'settings.switch.',
      billing_in_advance: 'settings.billing_switch.',
    },
  },
  Operator: { fields: 'operators.fields.', values: {} },
  Mandate: { fields: 'mandates.fields.', values: {} },
  Service: {
    fields: 'services.fields.',
    values: { unit: 'services.units.', vatCategory: 'services.vat_categories.' },
  },
  Booking: { fields: 'bookings.fields.', values: { status: 'bookings.statuses.' } },
  Closure: { fields: 'closures.fields.', values: {} },
  MeetingRoom: { fields: 'meeting_rooms.fields.', values: {} },
  Goal: { fields: 'goals.fields.', values: { measure: 'dashboard.measures.' } },
  Declaration: {
    fields: 'declarations.fields.',
    values: { kind: 'declarations.kinds.', status: 'declarations.states.' },
  },
}

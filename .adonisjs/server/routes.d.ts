import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'health': { paramsTuple?: []; params?: {} }
    'locale.update': { paramsTuple?: []; params?: {} }
    'calendar_feeds.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'calendar_feeds.room': { paramsTuple: [ParamValue,ParamValue]; params: {'token': ParamValue,'id': ParamValue} }
    'email_changes.confirmation.create': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'email_changes.confirmation.store': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'session.create': { paramsTuple?: []; params?: {} }
    'session.store': { paramsTuple?: []; params?: {} }
    'session.two_factor_challenge.create': { paramsTuple?: []; params?: {} }
    'session.two_factor_challenge.store': { paramsTuple?: []; params?: {} }
    'password_resets.create': { paramsTuple?: []; params?: {} }
    'password_resets.store': { paramsTuple?: []; params?: {} }
    'password_resets.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'password_resets.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'invitations.acceptance.create': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'invitations.acceptance.store': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'home': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'password.edit': { paramsTuple?: []; params?: {} }
    'password.update': { paramsTuple?: []; params?: {} }
    'account.email.edit': { paramsTuple?: []; params?: {} }
    'account.email.update': { paramsTuple?: []; params?: {} }
    'account.sessions.index': { paramsTuple?: []; params?: {} }
    'account.sessions.others.destroy': { paramsTuple?: []; params?: {} }
    'account.calendar.edit': { paramsTuple?: []; params?: {} }
    'account.calendar.update': { paramsTuple?: []; params?: {} }
    'account.two_factor.show': { paramsTuple?: []; params?: {} }
    'account.two_factor.create': { paramsTuple?: []; params?: {} }
    'account.two_factor.store': { paramsTuple?: []; params?: {} }
    'account.two_factor.destroy': { paramsTuple?: []; params?: {} }
    'account.two_factor.recovery_codes.store': { paramsTuple?: []; params?: {} }
    'dashboard.show': { paramsTuple?: []; params?: {} }
    'dashboard.print': { paramsTuple?: []; params?: {} }
    'dashboard.series': { paramsTuple?: []; params?: {} }
    'dashboard.companies': { paramsTuple?: []; params?: {} }
    'dashboard.workbook': { paramsTuple?: []; params?: {} }
    'goals.index': { paramsTuple?: []; params?: {} }
    'goals.create': { paramsTuple?: []; params?: {} }
    'goals.store': { paramsTuple?: []; params?: {} }
    'goals.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'goals.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'goals.current.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'users.index': { paramsTuple?: []; params?: {} }
    'users.create': { paramsTuple?: []; params?: {} }
    'users.store': { paramsTuple?: []; params?: {} }
    'users.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'users.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'users.disablement.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'users.disablement.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'users.two_factor.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invitations.index': { paramsTuple?: []; params?: {} }
    'invitations.create': { paramsTuple?: []; params?: {} }
    'invitations.store': { paramsTuple?: []; params?: {} }
    'invitations.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invitations.renewal.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.index': { paramsTuple?: []; params?: {} }
    'companies.create': { paramsTuple?: []; params?: {} }
    'companies.store': { paramsTuple?: []; params?: {} }
    'companies.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.contact.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.contact.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.billing_details.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.billing_details.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.declarations.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.declarations.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.declarations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.exit.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.exit.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.mandates.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.mandates.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'mandates.revocation.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'mandates.revocation.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.archive.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.archive.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'declarations.index': { paramsTuple?: []; params?: {} }
    'declarations.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'declarations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'declarations.validation.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.create': { paramsTuple?: []; params?: {} }
    'agreements.store': { paramsTuple?: []; params?: {} }
    'agreements.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.activation.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.activation.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.discard.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.discard.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.termination.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.termination.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.move.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.move.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.renewal.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.renewal.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'rent_roll.show': { paramsTuple?: []; params?: {} }
    'rent_roll.export': { paramsTuple?: []; params?: {} }
    'invoices.index': { paramsTuple?: []; params?: {} }
    'invoices.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'billing_runs.store': { paramsTuple?: []; params?: {} }
    'billing_runs.issuance.create': { paramsTuple?: []; params?: {} }
    'billing_runs.issuance.store': { paramsTuple?: []; params?: {} }
    'invoices.issuance.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.issuance.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.lines.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.lines.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoice_lines.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoice_lines.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoice_lines.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.document.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.credit_notes.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.credit_notes.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'cells.index': { paramsTuple?: []; params?: {} }
    'cells.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'cells.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'free_cells.index': { paramsTuple?: []; params?: {} }
    'timeline.show': { paramsTuple?: []; params?: {} }
    'settings.edit': { paramsTuple?: []; params?: {} }
    'settings.update': { paramsTuple?: []; params?: {} }
    'operator.edit': { paramsTuple?: []; params?: {} }
    'operator.update': { paramsTuple?: []; params?: {} }
    'services.index': { paramsTuple?: []; params?: {} }
    'services.create': { paramsTuple?: []; params?: {} }
    'services.store': { paramsTuple?: []; params?: {} }
    'services.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'services.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'services.archive.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'services.archive.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'meeting_rooms.index': { paramsTuple?: []; params?: {} }
    'meeting_rooms.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'meeting_rooms.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'meeting_rooms.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'meeting_rooms.photo': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bookings.index': { paramsTuple?: []; params?: {} }
    'bookings.create': { paramsTuple?: []; params?: {} }
    'bookings.store': { paramsTuple?: []; params?: {} }
    'bookings.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bookings.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bookings.cancellation.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bookings.cancellation.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'closures.index': { paramsTuple?: []; params?: {} }
    'closures.create': { paramsTuple?: []; params?: {} }
    'closures.store': { paramsTuple?: []; params?: {} }
    'closures.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'closures.lifting.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'closures.lifting.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'closures.booking_cancellations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'room_use.show': { paramsTuple?: []; params?: {} }
    'room_use.export': { paramsTuple?: []; params?: {} }
    'missing_pages.show': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
  }
  GET: {
    'health': { paramsTuple?: []; params?: {} }
    'calendar_feeds.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'calendar_feeds.room': { paramsTuple: [ParamValue,ParamValue]; params: {'token': ParamValue,'id': ParamValue} }
    'email_changes.confirmation.create': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'session.create': { paramsTuple?: []; params?: {} }
    'session.two_factor_challenge.create': { paramsTuple?: []; params?: {} }
    'password_resets.create': { paramsTuple?: []; params?: {} }
    'password_resets.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'invitations.acceptance.create': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'home': { paramsTuple?: []; params?: {} }
    'password.edit': { paramsTuple?: []; params?: {} }
    'account.email.edit': { paramsTuple?: []; params?: {} }
    'account.sessions.index': { paramsTuple?: []; params?: {} }
    'account.calendar.edit': { paramsTuple?: []; params?: {} }
    'account.two_factor.show': { paramsTuple?: []; params?: {} }
    'account.two_factor.create': { paramsTuple?: []; params?: {} }
    'dashboard.show': { paramsTuple?: []; params?: {} }
    'dashboard.print': { paramsTuple?: []; params?: {} }
    'dashboard.series': { paramsTuple?: []; params?: {} }
    'dashboard.companies': { paramsTuple?: []; params?: {} }
    'dashboard.workbook': { paramsTuple?: []; params?: {} }
    'goals.index': { paramsTuple?: []; params?: {} }
    'goals.create': { paramsTuple?: []; params?: {} }
    'goals.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'users.index': { paramsTuple?: []; params?: {} }
    'users.create': { paramsTuple?: []; params?: {} }
    'users.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invitations.index': { paramsTuple?: []; params?: {} }
    'invitations.create': { paramsTuple?: []; params?: {} }
    'companies.index': { paramsTuple?: []; params?: {} }
    'companies.create': { paramsTuple?: []; params?: {} }
    'companies.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.contact.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.billing_details.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.declarations.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.declarations.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.exit.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.mandates.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'mandates.revocation.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'declarations.index': { paramsTuple?: []; params?: {} }
    'declarations.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.create': { paramsTuple?: []; params?: {} }
    'agreements.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.activation.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.discard.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.termination.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.move.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.renewal.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'rent_roll.show': { paramsTuple?: []; params?: {} }
    'rent_roll.export': { paramsTuple?: []; params?: {} }
    'invoices.index': { paramsTuple?: []; params?: {} }
    'invoices.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'billing_runs.issuance.create': { paramsTuple?: []; params?: {} }
    'invoices.issuance.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.lines.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoice_lines.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.document.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.credit_notes.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'cells.index': { paramsTuple?: []; params?: {} }
    'cells.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'free_cells.index': { paramsTuple?: []; params?: {} }
    'timeline.show': { paramsTuple?: []; params?: {} }
    'settings.edit': { paramsTuple?: []; params?: {} }
    'operator.edit': { paramsTuple?: []; params?: {} }
    'services.index': { paramsTuple?: []; params?: {} }
    'services.create': { paramsTuple?: []; params?: {} }
    'services.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'meeting_rooms.index': { paramsTuple?: []; params?: {} }
    'meeting_rooms.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'meeting_rooms.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'meeting_rooms.photo': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bookings.index': { paramsTuple?: []; params?: {} }
    'bookings.create': { paramsTuple?: []; params?: {} }
    'bookings.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bookings.cancellation.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'closures.index': { paramsTuple?: []; params?: {} }
    'closures.create': { paramsTuple?: []; params?: {} }
    'closures.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'closures.lifting.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'room_use.show': { paramsTuple?: []; params?: {} }
    'room_use.export': { paramsTuple?: []; params?: {} }
    'missing_pages.show': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
  }
  HEAD: {
    'health': { paramsTuple?: []; params?: {} }
    'calendar_feeds.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'calendar_feeds.room': { paramsTuple: [ParamValue,ParamValue]; params: {'token': ParamValue,'id': ParamValue} }
    'email_changes.confirmation.create': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'session.create': { paramsTuple?: []; params?: {} }
    'session.two_factor_challenge.create': { paramsTuple?: []; params?: {} }
    'password_resets.create': { paramsTuple?: []; params?: {} }
    'password_resets.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'invitations.acceptance.create': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'home': { paramsTuple?: []; params?: {} }
    'password.edit': { paramsTuple?: []; params?: {} }
    'account.email.edit': { paramsTuple?: []; params?: {} }
    'account.sessions.index': { paramsTuple?: []; params?: {} }
    'account.calendar.edit': { paramsTuple?: []; params?: {} }
    'account.two_factor.show': { paramsTuple?: []; params?: {} }
    'account.two_factor.create': { paramsTuple?: []; params?: {} }
    'dashboard.show': { paramsTuple?: []; params?: {} }
    'dashboard.print': { paramsTuple?: []; params?: {} }
    'dashboard.series': { paramsTuple?: []; params?: {} }
    'dashboard.companies': { paramsTuple?: []; params?: {} }
    'dashboard.workbook': { paramsTuple?: []; params?: {} }
    'goals.index': { paramsTuple?: []; params?: {} }
    'goals.create': { paramsTuple?: []; params?: {} }
    'goals.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'users.index': { paramsTuple?: []; params?: {} }
    'users.create': { paramsTuple?: []; params?: {} }
    'users.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invitations.index': { paramsTuple?: []; params?: {} }
    'invitations.create': { paramsTuple?: []; params?: {} }
    'companies.index': { paramsTuple?: []; params?: {} }
    'companies.create': { paramsTuple?: []; params?: {} }
    'companies.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.contact.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.billing_details.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.declarations.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.declarations.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.exit.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.mandates.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'mandates.revocation.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'declarations.index': { paramsTuple?: []; params?: {} }
    'declarations.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.create': { paramsTuple?: []; params?: {} }
    'agreements.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.activation.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.discard.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.termination.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.move.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.renewal.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'rent_roll.show': { paramsTuple?: []; params?: {} }
    'rent_roll.export': { paramsTuple?: []; params?: {} }
    'invoices.index': { paramsTuple?: []; params?: {} }
    'invoices.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'billing_runs.issuance.create': { paramsTuple?: []; params?: {} }
    'invoices.issuance.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.lines.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoice_lines.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.document.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.credit_notes.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'cells.index': { paramsTuple?: []; params?: {} }
    'cells.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'free_cells.index': { paramsTuple?: []; params?: {} }
    'timeline.show': { paramsTuple?: []; params?: {} }
    'settings.edit': { paramsTuple?: []; params?: {} }
    'operator.edit': { paramsTuple?: []; params?: {} }
    'services.index': { paramsTuple?: []; params?: {} }
    'services.create': { paramsTuple?: []; params?: {} }
    'services.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'meeting_rooms.index': { paramsTuple?: []; params?: {} }
    'meeting_rooms.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'meeting_rooms.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'meeting_rooms.photo': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bookings.index': { paramsTuple?: []; params?: {} }
    'bookings.create': { paramsTuple?: []; params?: {} }
    'bookings.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bookings.cancellation.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'closures.index': { paramsTuple?: []; params?: {} }
    'closures.create': { paramsTuple?: []; params?: {} }
    'closures.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'closures.lifting.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'room_use.show': { paramsTuple?: []; params?: {} }
    'room_use.export': { paramsTuple?: []; params?: {} }
    'missing_pages.show': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
  }
  PUT: {
    'locale.update': { paramsTuple?: []; params?: {} }
    'password_resets.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'password.update': { paramsTuple?: []; params?: {} }
    'account.email.update': { paramsTuple?: []; params?: {} }
    'account.calendar.update': { paramsTuple?: []; params?: {} }
    'goals.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'users.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.contact.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.billing_details.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'declarations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoice_lines.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'cells.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'settings.update': { paramsTuple?: []; params?: {} }
    'operator.update': { paramsTuple?: []; params?: {} }
    'services.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'meeting_rooms.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bookings.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  POST: {
    'email_changes.confirmation.store': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'session.store': { paramsTuple?: []; params?: {} }
    'session.two_factor_challenge.store': { paramsTuple?: []; params?: {} }
    'password_resets.store': { paramsTuple?: []; params?: {} }
    'invitations.acceptance.store': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'account.two_factor.store': { paramsTuple?: []; params?: {} }
    'account.two_factor.recovery_codes.store': { paramsTuple?: []; params?: {} }
    'goals.store': { paramsTuple?: []; params?: {} }
    'goals.current.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'users.store': { paramsTuple?: []; params?: {} }
    'users.disablement.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invitations.store': { paramsTuple?: []; params?: {} }
    'invitations.renewal.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.store': { paramsTuple?: []; params?: {} }
    'companies.declarations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.exit.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.mandates.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'mandates.revocation.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.archive.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'declarations.validation.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.store': { paramsTuple?: []; params?: {} }
    'agreements.activation.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.discard.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.termination.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.move.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.renewal.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'billing_runs.store': { paramsTuple?: []; params?: {} }
    'billing_runs.issuance.store': { paramsTuple?: []; params?: {} }
    'invoices.issuance.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.lines.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.credit_notes.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'services.store': { paramsTuple?: []; params?: {} }
    'services.archive.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bookings.store': { paramsTuple?: []; params?: {} }
    'bookings.cancellation.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'closures.store': { paramsTuple?: []; params?: {} }
    'closures.lifting.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'closures.booking_cancellations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  DELETE: {
    'session.destroy': { paramsTuple?: []; params?: {} }
    'account.sessions.others.destroy': { paramsTuple?: []; params?: {} }
    'account.two_factor.destroy': { paramsTuple?: []; params?: {} }
    'users.disablement.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'users.two_factor.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invitations.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.archive.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoice_lines.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'services.archive.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  PATCH: {
    'goals.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'users.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'companies.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'declarations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoice_lines.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'cells.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'services.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'meeting_rooms.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bookings.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}
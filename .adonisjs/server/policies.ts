export const policies = {
  AgreementPolicy: () => import('#policies/agreement_policy'),
  BookingPolicy: () => import('#policies/booking_policy'),
  CalendarPolicy: () => import('#policies/calendar_policy'),
  CellPolicy: () => import('#policies/cell_policy'),
  ClosurePolicy: () => import('#policies/closure_policy'),
  CompanyPolicy: () => import('#policies/company_policy'),
  DashboardPolicy: () => import('#policies/dashboard_policy'),
  DeclarationPolicy: () => import('#policies/declaration_policy'),
  FreeCellPolicy: () => import('#policies/free_cell_policy'),
  GoalPolicy: () => import('#policies/goal_policy'),
  MeetingRoomPolicy: () => import('#policies/meeting_room_policy'),
  RentRollPolicy: () => import('#policies/rent_roll_policy'),
  RoomUsePolicy: () => import('#policies/room_use_policy'),
  SettingPolicy: () => import('#policies/setting_policy'),
  TimelinePolicy: () => import('#policies/timeline_policy'),
  UserPolicy: () => import('#policies/user_policy'),
}


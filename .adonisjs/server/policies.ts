export const policies = {
  AgreementPolicy: () => import('#policies/agreement_policy'),
  BookingPolicy: () => import('#policies/booking_policy'),
  CellPolicy: () => import('#policies/cell_policy'),
  CompanyPolicy: () => import('#policies/company_policy'),
  GoalPolicy: () => import('#policies/goal_policy'),
  HeadcountDeclarationPolicy: () => import('#policies/headcount_declaration_policy'),
  MeetingRoomPolicy: () => import('#policies/meeting_room_policy'),
  SettingPolicy: () => import('#policies/setting_policy'),
  UserPolicy: () => import('#policies/user_policy'),
}


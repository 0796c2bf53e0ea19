export const policies = {
  CellPolicy: () => import('#policies/cell_policy'),
  CompanyPolicy: () => import('#policies/company_policy'),
  UserPolicy: () => import('#policies/user_policy'),
}


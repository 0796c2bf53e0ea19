export const policies = {
  CompanyPolicy: () => import('#policies/company_policy'),
  UserPolicy: () => import('#policies/user_policy'),
}


export const policies = {
  UserPolicy: () => import('#policies/user_policy'),
}


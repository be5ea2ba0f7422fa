import type {
  AccountListQuery,
  AccountView,
  CreateAccountRequest,
  ResetPasswordRequest,
  SetAccountStatusRequest,
  UpdateAccountRequest,
} from '@contracts/accounts.ts';
import type { Page } from '@contracts/common.ts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, withQuery } from './client.ts';

/** GET /api/accounts/options: what the caller may pick when creating or editing an account. */
export type AccountOptions = {
  roles: { value: string; label: string }[];
  orgs: { id: string; name: string; kind: string; kindLabel: string; depth: number }[];
};

export type AccountOrgOption = AccountOptions['orgs'][number];

export const accountKeys = {
  lists: ['accounts', 'list'] as const,
  options: ['accounts', 'options'] as const,
};

export const accountListQuery = (query: AccountListQuery) =>
  queryOptions({
    queryKey: [...accountKeys.lists, query],
    queryFn: () => api.get<Page<AccountView>>(withQuery('/api/accounts', query)),
    placeholderData: keepPreviousData,
  });

export const accountOptionsQuery = queryOptions({
  queryKey: accountKeys.options,
  queryFn: () => api.get<AccountOptions>('/api/accounts/options'),
  staleTime: 5 * 60_000,
});

export const createAccount = (body: CreateAccountRequest) => api.post<AccountView>('/api/accounts', body);

export const updateAccount = (id: string, body: UpdateAccountRequest) =>
  api.patch<AccountView>(`/api/accounts/${encodeURIComponent(id)}`, body);

export const setAccountStatus = (id: string, body: SetAccountStatusRequest) =>
  api.post<AccountView>(`/api/accounts/${encodeURIComponent(id)}/status`, body);

export const resetAccountPassword = (id: string, body: ResetPasswordRequest) =>
  api.post<unknown>(`/api/accounts/${encodeURIComponent(id)}/password`, body);

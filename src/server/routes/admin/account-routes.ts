import type { FastifyInstance } from 'fastify';
import {
  AccountListQuery,
  CreateAccountRequest,
  ResetPasswordRequest,
  SetAccountStatusRequest,
  UpdateAccountRequest,
} from '../../../contracts/accounts.ts';
import { IdParams } from '../../../contracts/common.ts';
import { createAccount } from '../../../usecases/accounts/create-account.ts';
import { getAccount } from '../../../usecases/accounts/get-account.ts';
import { getAccountOptions } from '../../../usecases/accounts/get-account-options.ts';
import { listAccounts } from '../../../usecases/accounts/list-accounts.ts';
import { resetAccountPassword } from '../../../usecases/accounts/reset-account-password.ts';
import { setAccountStatus } from '../../../usecases/accounts/set-account-status.ts';
import { updateAccount } from '../../../usecases/accounts/update-account.ts';
import { contextOf, type RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { presentAccount } from '../../presenters/account-presenter.ts';

export function registerAccountRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/accounts', async (request) => {
    const query = parse(AccountListQuery, request.query);
    const { rows, total } = await listAccounts(contextOf(request, deps), query);
    return { items: rows.map(presentAccount), total, page: query.page, pageSize: query.pageSize };
  });

  app.get('/api/accounts/options', async (request) => getAccountOptions(contextOf(request, deps)));

  app.get('/api/accounts/:id', async (request) => {
    const { id } = parse(IdParams, request.params);
    return presentAccount(await getAccount(contextOf(request, deps), id));
  });

  app.post('/api/accounts', async (request, reply) => {
    const input = parse(CreateAccountRequest, request.body);
    const created = await createAccount(contextOf(request, deps), input);
    return reply.status(201).send(presentAccount(created));
  });

  app.patch('/api/accounts/:id', async (request) => {
    const { id } = parse(IdParams, request.params);
    const input = parse(UpdateAccountRequest, request.body);
    return presentAccount(await updateAccount(contextOf(request, deps), id, input));
  });

  app.post('/api/accounts/:id/status', async (request) => {
    const { id } = parse(IdParams, request.params);
    const input = parse(SetAccountStatusRequest, request.body);
    return presentAccount(await setAccountStatus(contextOf(request, deps), id, input));
  });

  app.post('/api/accounts/:id/password', async (request) => {
    const { id } = parse(IdParams, request.params);
    const input = parse(ResetPasswordRequest, request.body);
    await resetAccountPassword(contextOf(request, deps), id, input.password);
    return { ok: true };
  });
}

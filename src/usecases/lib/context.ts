import type { Actor } from '../../domain/access.ts';
import type { Db } from '../../db/client.ts';

/** What every use case receives from its caller (HTTP route or CLI): the database, who acts, from where, when. */
export type UseCaseContext = {
  db: Db;
  actor: Actor;
  ip: string | null;
  now: Date;
};

/** Context for actions with no logged-in account (login, CLI maintenance, first start). */
export type SystemContext = {
  db: Db;
  ip: string | null;
  now: Date;
  /** Shown as the actor in the audit log, e.g. "命令行" or "系统". */
  actorName: string;
};

import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** 总队 → 支队 → 大队. `path` is the materialised path "/<rootId>/…/<id>/" used for subtree scoping. */
export const orgs = pgTable(
  'orgs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => orgs.id),
    kind: text('kind', { enum: ['corps', 'detachment', 'brigade'] }).notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    divisionCode: varchar('division_code', { length: 6 }).notNull(),
    path: text('path').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('orgs_path_key').on(t.path),
    uniqueIndex('orgs_parent_name_key').on(t.parentId, t.name),
    check('orgs_kind_check', sql`${t.kind} in ('corps', 'detachment', 'brigade')`),
    check('orgs_division_code_check', sql`${t.divisionCode} ~ '^[0-9]{6}$'`),
  ],
);

/** 协作区: brigades of one detachment that pool inspectors for cross-region draws. */
export const collaborationZones = pgTable(
  'collaboration_zones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    detachmentId: uuid('detachment_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('collaboration_zones_detachment_name_key').on(t.detachmentId, t.name)],
);

export const collaborationZoneMembers = pgTable(
  'collaboration_zone_members',
  {
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => collaborationZones.id),
    brigadeId: uuid('brigade_id')
      .notNull()
      .references(() => orgs.id),
  },
  (t) => [primaryKey({ columns: [t.zoneId, t.brigadeId] })],
);

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['system_admin', 'org_admin', 'brigade_admin', 'inspector', 'auditor'] }).notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    isDemo: boolean('is_demo').notNull().default(false),
    inspectorId: uuid('inspector_id').references((): AnyPgColumn => inspectors.id),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    disabledReason: text('disabled_reason'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('accounts_username_key').on(t.username),
    index('accounts_org_idx').on(t.orgId),
    check(
      'accounts_role_check',
      sql`${t.role} in ('system_admin', 'org_admin', 'brigade_admin', 'inspector', 'auditor')`,
    ),
  ],
);

/** Server-side sessions. `id` is HMAC-SHA256(SESSION_SECRET, cookie token): a database leak yields no usable cookie. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_attempts_username_at_idx').on(t.username, t.at), index('login_attempts_ip_at_idx').on(t.ip, t.at)],
);

/**
 * Append-only, hash-chained audit log (see src/domain/audit.ts). Triggers in the migrations refuse
 * UPDATE, DELETE and TRUNCATE. `seq` is assigned under an advisory lock so it has no gaps.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role'),
    ip: text('ip'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    orgId: uuid('org_id'),
    summary: jsonb('summary').notNull(),
    prevHash: varchar('prev_hash', { length: 64 }).notNull(),
    hash: varchar('hash', { length: 64 }).notNull(),
  },
  (t) => [
    uniqueIndex('audit_log_hash_key').on(t.hash),
    index('audit_log_org_idx').on(t.orgId, t.seq),
    index('audit_log_target_idx').on(t.targetType, t.targetId),
  ],
);

/**
 * 检查对象 (inspected units). The registry issue extends this table; the foundation keeps the fields the
 * demo data and scoping need.
 */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    name: text('name').notNull(),
    registeredAddress: text('registered_address'),
    address: text('address'),
    districtCode: varchar('district_code', { length: 6 }),
    street: text('street'),
    category: text('category', { enum: ['key', 'general', 'small_venue', 'other'] }).notNull(),
    isCrowded: boolean('is_crowded').notNull().default(false),
    isFlammable: boolean('is_flammable').notNull().default(false),
    isHighRise: boolean('is_high_rise').notNull().default(false),
    industry: text('industry'),
    riskLevel: text('risk_level'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    status: text('status', { enum: ['active', 'suspended', 'deregistered', 'relocated', 'not_found'] })
      .notNull()
      .default('active'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    safetyOwner: text('safety_owner'),
    safetyManager: text('safety_manager'),
    source: text('source', { enum: ['market_regulation', 'department_share', 'manual'] }).notNull().default('manual'),
    brigadeId: uuid('brigade_id')
      .notNull()
      .references(() => orgs.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('units_uscc_key').on(t.uscc),
    index('units_brigade_idx').on(t.brigadeId),
    check('units_category_check', sql`${t.category} in ('key', 'general', 'small_venue', 'other')`),
    check(
      'units_status_check',
      sql`${t.status} in ('active', 'suspended', 'deregistered', 'relocated', 'not_found')`,
    ),
  ],
);

/** 执法检查人员. The registry issue extends this table (availability, recusals, specialties…). */
export const inspectors = pgTable(
  'inspectors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    badgeNo: text('badge_no').notNull(),
    certificateNo: text('certificate_no'),
    certificateValidFrom: date('certificate_valid_from'),
    certificateValidUntil: date('certificate_valid_until'),
    post: text('post', { enum: ['full_time', 'part_time', 'other'] }).notNull(),
    roles: text('roles').array().notNull(),
    phone: text('phone'),
    drawWeight: integer('draw_weight').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('inspectors_badge_no_key').on(t.badgeNo),
    index('inspectors_org_idx').on(t.orgId),
    check('inspectors_draw_weight_check', sql`${t.drawWeight} between 1 and 64`),
  ],
);

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
  customType,
  varchar,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

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
    community: text('community'),
    category: text('category', { enum: ['key', 'general', 'small_venue', 'other'] }).notNull(),
    isCrowded: boolean('is_crowded').notNull().default(false),
    isFlammable: boolean('is_flammable').notNull().default(false),
    isHighRise: boolean('is_high_rise').notNull().default(false),
    industry: text('industry'),
    buildingScale: text('building_scale'),
    riskLevel: text('risk_level'),
    creditLevel: text('credit_level'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    status: text('status', { enum: ['active', 'suspended', 'deregistered', 'relocated', 'not_found'] })
      .notNull()
      .default('active'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    /** The date from which the current status applies (停业 from the 1st of next month …). */
    statusEffectiveOn: date('status_effective_on'),
    statusReason: text('status_reason'),
    /** Suspected 僵尸单位, flagged by reconciliation or by a person; never removed silently. */
    flaggedAt: timestamp('flagged_at', { withTimezone: true }),
    flagReason: text('flag_reason'),
    /** normalizeUnitName(name) + '|' + normalizeAddress(address): probable-duplicate detection. */
    duplicateKey: text('duplicate_key'),
    /**
     * Character bigrams of name, addresses and credit code, maintained by a trigger (migration 0004), so a
     * text search on Chinese (no word boundaries) is a GIN lookup rather than a scan of every row.
     */
    searchGrams: text('search_grams').array().notNull().default(sql`'{}'::text[]`),
    legalRepresentative: text('legal_representative'),
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
    index('units_brigade_category_idx').on(t.brigadeId, t.category, t.status),
    index('units_brigade_name_idx').on(t.brigadeId, t.name),
    index('units_duplicate_key_idx').on(t.duplicateKey),
    index('units_updated_at_idx').on(t.brigadeId, t.updatedAt),
    index('units_sort_updated_idx').on(t.updatedAt, t.id),
    index('units_sort_created_idx').on(t.createdAt, t.id),
    index('units_sort_name_idx').on(t.name, t.id),
    index('units_search_grams_idx').using('gin', t.searchGrams),
    index('units_tags_idx').using('gin', t.tags),
    index('units_uscc_prefix_idx').on(t.uscc.op('varchar_pattern_ops')),
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
    duty: text('duty'),
    specialties: text('specialties').array().notNull().default(sql`'{}'::text[]`),
    status: text('status', { enum: ['active', 'transferred', 'retired'] }).notNull().default('active'),
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

/**
 * Admin-editable dictionaries (字典): industries, building scales, special tags, risk and credit levels,
 * inspector post weights. `code` is what records store; `label` is shown; `color` for levels; `weight`
 * where a number belongs to the entry (draw weight of a post).
 */
export const dictionaryEntries = pgTable(
  'dictionary_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', {
      enum: ['industry', 'building_scale', 'special_tag', 'risk_level', 'credit_level', 'inspector_post_weight', 'specialty'],
    }).notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    color: text('color'),
    weight: integer('weight'),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('dictionary_entries_kind_code_key').on(t.kind, t.code)],
);

/** Everything that happened to a unit, newest last: shown on its detail page (the audit chain has it too). */
export const unitHistory = pgTable(
  'unit_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    kind: text('kind', { enum: ['create', 'update', 'status', 'transfer', 'import', 'flag', 'unflag'] }).notNull(),
    summary: jsonb('summary').notNull(),
  },
  (t) => [index('unit_history_unit_idx').on(t.unitId, t.at)],
);

/** 请假 / 抽调 / 冻结: dated periods when an inspector cannot be drawn. `to` null = until lifted. */
export const inspectorAvailability = pgTable(
  'inspector_availability',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectorId: uuid('inspector_id')
      .notNull()
      .references(() => inspectors.id),
    kind: text('kind', { enum: ['leave', 'seconded', 'frozen'] }).notNull(),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date'),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    /** Lifting (解冻, 销假) ends the period early; it is never deleted. */
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftedBy: uuid('lifted_by'),
    liftReason: text('lift_reason'),
  },
  (t) => [index('inspector_availability_inspector_idx').on(t.inspectorId)],
);

/** 回避: an inspector must not inspect a unit in which they have an interest. */
export const recusals = pgTable(
  'recusals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectorId: uuid('inspector_id')
      .notNull()
      .references(() => inspectors.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    reason: text('reason').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokeReason: text('revoke_reason'),
  },
  (t) => [index('recusals_inspector_idx').on(t.inspectorId), index('recusals_unit_idx').on(t.unitId)],
);

/** Which collaboration zones' cross-region pools an inspector serves in. */
export const inspectorZoneMemberships = pgTable(
  'inspector_zone_memberships',
  {
    inspectorId: uuid('inspector_id')
      .notNull()
      .references(() => inspectors.id),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => collaborationZones.id),
  },
  (t) => [primaryKey({ columns: [t.inspectorId, t.zoneId] })],
);

/** 专家库 and other departments' enforcement staff (joint inspections). */
export const externalPeople = pgTable(
  'external_people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind', { enum: ['expert', 'department_staff'] }).notNull(),
    name: text('name').notNull(),
    /** 专家: 工作单位; 部门人员: 所属部门 (市场监管、公安、住建…). */
    organization: text('organization').notNull(),
    title: text('title'),
    specialties: text('specialties').array().notNull().default(sql`'{}'::text[]`),
    certificateNo: text('certificate_no'),
    phone: text('phone'),
    active: boolean('active').notNull().default(true),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('external_people_org_idx').on(t.orgId, t.kind)],
);

/**
 * An uploaded registry file: kept (bytes and hash) so the preview, the commit and the downloadable
 * report are all computed from exactly the same input.
 */
export const importBatches = pgTable(
  'import_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['units', 'inspectors', 'market_snapshot'] }).notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    fileName: text('file_name').notNull(),
    fileSha256: varchar('file_sha256', { length: 64 }).notNull(),
    fileBytes: bytea('file_bytes').notNull(),
    encoding: text('encoding'),
    mapping: jsonb('mapping').notNull(),
    status: text('status', { enum: ['previewed', 'committed', 'refused', 'discarded'] }).notNull(),
    mode: text('mode', { enum: ['refuse', 'skip'] }),
    summary: jsonb('summary').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [index('import_batches_org_idx').on(t.orgId, t.createdAt)],
);

/**
 * One day of the State Council's 放假调休 arrangement: a statutory holiday ('holiday', any weekday) or a
 * make-up working day on a weekend ('workday', 调休上班). Every other day is a working day from Monday
 * to Friday. Only years listed in calendar_years count as known (src/domain/calendar/working-days.ts).
 */
export const holidays = pgTable(
  'holidays',
  {
    date: date('date').primaryKey(),
    kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
    name: text('name').notNull(),
    source: text('source').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [check('holidays_kind_check', sql`${t.kind} in ('holiday', 'workday')`)],
);

/** The years whose arrangement has been entered; a year absent here is unknown, never "no holidays". */
export const calendarYears = pgTable(
  'calendar_years',
  {
    year: integer('year').primaryKey(),
    source: text('source').notNull(),
    publishedOn: date('published_on'),
    updatedAt: updatedAt(),
  },
  (t) => [check('calendar_years_year_check', sql`${t.year} between 2000 and 2999`)],
);

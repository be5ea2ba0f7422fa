import { sql } from 'drizzle-orm';
import type { JsonValue } from '../domain/canonical-json.ts';
import type { ChecklistLine } from '../domain/check-items/check-item.ts';
import type { DrawResult, Manifest } from '../domain/draw/draw-types.ts';
import type { AttachedFile } from '../domain/files/file-kind.ts';
import type { ImportBatchSummary } from '../domain/import/import-summary.ts';
import type { CapacityReport, StoredEligibility } from '../domain/plans/eligibility-types.ts';
import type { CampaignSettings, PlanSettings } from '../domain/plans/plan-settings.ts';
import type { AdjustableQuota } from '../domain/plans/quota-adjustment.ts';
import type { RecordBody, RecordSignatures, Signature } from '../contracts/field.ts';
import type { RecordSnapshot } from '../domain/records/record-types.ts';
import type { DocumentContent } from '../domain/documents/document-types.ts';
import type { PublicationContent, PublicationPolicy } from '../domain/publication/publication-types.ts';
import type { CreditPolicy } from '../domain/exchange/credit-policy.ts';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
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
    /** 代字 printed in document numbers (「婺消限字〔2026〕第0001号」); null: the first character of shortName. */
    docPrefix: text('doc_prefix'),
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
    summary: jsonb('summary').$type<JsonValue>().notNull(),
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
    /** Collation "C" (migration 0030): compared byte by byte, so units_uscc_key also serves a prefix search. */
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
    /** When and by whom the credit grade was rated (信用等级导入, decision 0027); null: set by hand or unknown. */
    creditRatedOn: date('credit_rated_on'),
    creditSource: text('credit_source'),
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
    /**
     * normalizeUnitName(name) + '|' + normalizeAddress(address): probable-duplicate detection. Collation "C"
     * (migration 0030): looked up for equality only.
     */
    duplicateKey: text('duplicate_key'),
    /**
     * Character bigrams of name, addresses and credit code, maintained by a trigger (migration 0004), so a
     * text search on Chinese (no word boundaries) is a GIN lookup rather than a scan of every row. Collation "C"
     * (migration 0030): a bigram is only ever compared for equality, and byte comparison keeps the index cheap to
     * write (an import of 100,000 units adds some four million entries).
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
    index('units_brigade_category_idx').on(t.brigadeId, t.category, t.status),
    index('units_category_name_idx').on(t.category, t.name, t.id),
    index('units_duplicate_key_idx').on(t.duplicateKey),
    index('units_updated_at_idx').on(t.brigadeId, t.updatedAt),
    index('units_sort_updated_idx').on(t.updatedAt, t.id),
    index('units_sort_created_idx').on(t.createdAt, t.id),
    index('units_sort_name_idx').on(t.name, t.id),
    index('units_search_grams_idx').using('gin', t.searchGrams),
    index('units_tags_idx').using('gin', t.tags).with({ gin_pending_list_limit: 64 }),
    // The list's "missing address" filter (qualityCondition in unit-queries.ts; migration 0011).
    index('units_missing_address_idx')
      .on(t.updatedAt, t.id)
      .where(sql`${t.address} is null or btrim(${t.address}) = ''`),
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
    kind: text('kind', { enum: ['create', 'update', 'status', 'transfer', 'import', 'flag', 'unflag', 'credit'] }).notNull(),
    summary: jsonb('summary').$type<JsonValue>().notNull(),
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
    kind: text('kind', { enum: ['units', 'inspectors', 'market_snapshot', 'credit_grades'] }).notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    fileName: text('file_name').notNull(),
    fileSha256: varchar('file_sha256', { length: 64 }).notNull(),
    fileBytes: bytea('file_bytes').notNull(),
    encoding: text('encoding'),
    mapping: jsonb('mapping').$type<Record<string, string | null>>().notNull(),
    status: text('status', { enum: ['previewed', 'committed', 'refused', 'discarded'] }).notNull(),
    mode: text('mode', { enum: ['refuse', 'skip'] }),
    summary: jsonb('summary').$type<ImportBatchSummary>().notNull(),
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

/**
 * 抽查事项 (random-inspection item). The item is the stable identity (its code); what it says lives in
 * versions. `ownerOrgId` null = the national list shipped with the system; otherwise the org (总队/支队) that
 * added it for its subtree. An item is withdrawn (废止) with a reason, never deleted.
 */
export const checkItems = pgTable(
  'check_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    ownerOrgId: uuid('owner_org_id').references(() => orgs.id),
    sortOrder: integer('sort_order').notNull().default(0),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawReason: text('withdraw_reason'),
    /** Where the item's wording and ratios come from, what is still to be checked: the admin view only, never published. */
    internalNote: text('internal_note'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('check_items_code_key').on(t.code)],
);

/**
 * One version of an item with its checklist template. A published version never changes (a trigger refuses
 * UPDATE and DELETE of published rows, migration 0008); editing makes a new draft, at most one per item.
 * `checklist` is an array of {code, text, appliesTo: 'all'|'key'|'crowded', basis}.
 */
export const checkItemVersions = pgTable(
  'check_item_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => checkItems.id),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'published'] }).notNull(),
    name: text('name').notNull(),
    subItem: text('sub_item'),
    legalBasis: text('legal_basis').notNull(),
    content: text('content').notNull(),
    inspectingBody: text('inspecting_body').notNull(),
    objectType: text('object_type').notNull(),
    method: text('method', { enum: ['on_site', 'sampling', 'documentary'] }).notNull(),
    ratio: text('ratio'),
    frequency: text('frequency'),
    inspectorRequirements: text('inspector_requirements'),
    notes: text('notes'),
    checklist: jsonb('checklist').$type<ChecklistLine[]>().notNull(),
    changeNote: text('change_note'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
  },
  (t) => [
    uniqueIndex('check_item_versions_item_version_key').on(t.itemId, t.version),
    uniqueIndex('check_item_versions_one_draft_key').on(t.itemId).where(sql`${t.status} = 'draft'`),
    check('check_item_versions_status_check', sql`${t.status} in ('draft', 'published')`),
    check('check_item_versions_method_check', sql`${t.method} in ('on_site', 'sampling', 'documentary')`),
  ],
);

/**
 * 年度抽查计划 of one org (a brigade, or a detachment for cross-region work) for one year. `settings` holds
 * the whole rule set (strata and ratios, weights, frequency rules, exclusions, capacity), validated by the
 * domain (src/domain/plans/plan-settings.ts). Editing a published plan is a revision with a reason.
 */
export const annualPlans = pgTable(
  'annual_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: ['draft', 'published'] }).notNull().default('draft'),
    revision: integer('revision').notNull().default(1),
    settings: jsonb('settings').$type<PlanSettings>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
    /** Why the plan was published although it asks for more inspections than the inspectors can do this year. */
    capacityNote: text('capacity_note'),
  },
  (t) => [
    uniqueIndex('annual_plans_org_year_key').on(t.orgId, t.year),
    check('annual_plans_status_check', sql`${t.status} in ('draft', 'published')`),
    check('annual_plans_year_check', sql`${t.year} between 2000 and 2999`),
  ],
);

/**
 * 月度抽查计划 generated from an annual plan: per-stratum quotas (computed and adjusted), the capacity check
 * and the month's task deadline. Editable while draft; published before the month starts.
 */
export const monthlyPlans = pgTable(
  'monthly_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    annualPlanId: uuid('annual_plan_id')
      .notNull()
      .references(() => annualPlans.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    status: text('status', { enum: ['draft', 'published'] }).notNull().default('draft'),
    annualRevision: integer('annual_revision').notNull(),
    /** Per stratum: code, name, computed and final quota, alternates, candidates, and the reason of a hand-set quota. */
    quotas: jsonb('quotas').$type<AdjustableQuota[]>().notNull(),
    capacity: jsonb('capacity').$type<CapacityReport>().notNull(),
    /** Candidate and excluded counts by stratum and reason, as computed at the last (re)generation. */
    eligibility: jsonb('eligibility').$type<StoredEligibility>().notNull(),
    dueDate: date('due_date').notNull(),
    notes: text('notes'),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull(),
    /** null: generated by the scheduler. */
    generatedBy: uuid('generated_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
  },
  (t) => [
    uniqueIndex('monthly_plans_annual_month_key').on(t.annualPlanId, t.month),
    index('monthly_plans_org_idx').on(t.orgId, t.year, t.month),
    check('monthly_plans_status_check', sql`${t.status} in ('draft', 'published')`),
    check('monthly_plans_month_check', sql`${t.month} between 1 and 12`),
  ],
);

/** 专项检查: its own scope, quota and period; frequency rules apply unless overridden with a reason. */
export const specialCampaigns = pgTable(
  'special_campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    description: text('description'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** {categories, flags, tags, districtCodes, checkItemIds, quota, alternates, frequencyOverrideReason} */
    settings: jsonb('settings').$type<CampaignSettings>().notNull(),
    status: text('status', { enum: ['draft', 'published'] }).notNull().default('draft'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
  },
  (t) => [
    index('special_campaigns_org_idx').on(t.orgId, t.startsOn),
    check('special_campaigns_status_check', sql`${t.status} in ('draft', 'published')`),
    check('special_campaigns_period_check', sql`${t.startsOn} <= ${t.endsOn}`),
  ],
);

/**
 * 触发式: a complaint/举报, an incident or a bad-credit event that puts a unit into the triggered pool (raised
 * draw weight) until it is closed with a reason.
 */
export const triggerEvents = pgTable(
  'trigger_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind', { enum: ['complaint', 'report', 'bad_credit', 'incident'] }).notNull(),
    receivedOn: date('received_on').notNull(),
    summary: text('summary').notNull(),
    reference: text('reference'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    closeReason: text('close_reason'),
  },
  (t) => [
    index('trigger_events_unit_idx').on(t.unitId),
    index('trigger_events_org_idx').on(t.orgId, t.receivedOn),
    check('trigger_events_kind_check', sql`${t.kind} in ('complaint', 'report', 'bad_credit', 'incident')`),
  ],
);

/**
 * Inspections that happened (or were carried over from the previous system), for the frequency rules.
 * `kind` says whether one counts: routine/special/triggered draws do; 复查 (reinspection), complaint checks and
 * case-handling checks do not.
 */
export const inspectionHistory = pgTable(
  'inspection_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    inspectedOn: date('inspected_on').notNull(),
    kind: text('kind', {
      enum: ['routine', 'special', 'triggered', 'reinspection', 'complaint', 'case_handling', 'other'],
    }).notNull(),
    source: text('source', { enum: ['legacy', 'task'] }).notNull(),
    taskId: uuid('task_id'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('inspection_history_unit_idx').on(t.unitId, t.inspectedOn),
    index('inspection_history_date_idx').on(t.inspectedOn),
    check(
      'inspection_history_kind_check',
      sql`${t.kind} in ('routine', 'special', 'triggered', 'reinspection', 'complaint', 'case_handling', 'other')`,
    ),
  ],
);

/**
 * 随机抽取 (XF-SRS/1, docs/decisions/0010): a frozen manifest and, once executed, its seed and result. A draw
 * is never re-drawn and never deleted: voiding keeps the draw and its would-be result, with the reason.
 * `code` is the public drawId in the manifest. One live (not voided) draw per monthly plan or campaign.
 */
export const draws = pgTable(
  'draws',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    monthlyPlanId: uuid('monthly_plan_id').references(() => monthlyPlans.id),
    campaignId: uuid('campaign_id').references(() => specialCampaigns.id),
    status: text('status', { enum: ['frozen', 'executed', 'voided'] }).notNull(),
    manifest: jsonb('manifest').$type<Manifest>().notNull(),
    manifestHash: varchar('manifest_hash', { length: 64 }).notNull(),
    /** The first and last day of the task period, and the tasks' due date. */
    periodStart: date('period_start').notNull(),
    dueDate: date('due_date').notNull(),
    frozenAt: timestamp('frozen_at', { withTimezone: true }).notNull(),
    frozenBy: uuid('frozen_by').notNull(),
    seed: varchar('seed', { length: 64 }),
    result: jsonb('result').$type<DrawResult>(),
    resultHash: varchar('result_hash', { length: 64 }),
    executedAt: timestamp('executed_at', { withTimezone: true }),
    executedBy: uuid('executed_by'),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedBy: uuid('voided_by'),
    voidReason: text('void_reason'),
    /**
     * Why each manifest conflict bars its inspector from its unit ([inspectorId, unitId, 'RECUSAL' | 'PREVIOUS_LEAD']),
     * for the admin view only: the public manifest gives every bar one neutral code (decision 0016).
     */
    conflictReasons: jsonb('conflict_reasons').$type<[string, string, 'RECUSAL' | 'PREVIOUS_LEAD'][]>(),
  },
  (t) => [
    uniqueIndex('draws_code_key').on(t.code),
    uniqueIndex('draws_live_monthly_key').on(t.monthlyPlanId).where(sql`${t.status} <> 'voided' and ${t.monthlyPlanId} is not null`),
    uniqueIndex('draws_live_campaign_key').on(t.campaignId).where(sql`${t.status} <> 'voided' and ${t.campaignId} is not null`),
    index('draws_org_idx').on(t.orgId, t.frozenAt),
    check('draws_status_check', sql`${t.status} in ('frozen', 'executed', 'voided')`),
    check('draws_source_check', sql`(${t.monthlyPlanId} is null) <> (${t.campaignId} is null)`),
  ],
);

/** An observer at the draw table: commitment first, reveal later (it must open the commitment). */
export const drawObservers = pgTable(
  'draw_observers',
  {
    drawId: uuid('draw_id')
      .notNull()
      .references(() => draws.id),
    observerId: text('observer_id').notNull(),
    /** Shown on the record sheet; never in the public bundle (ids only). */
    name: text('name').notNull(),
    capacity: text('capacity').notNull(),
    commitment: varchar('commitment', { length: 64 }),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    reveal: text('reveal'),
    revealedAt: timestamp('revealed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.drawId, t.observerId] })],
);

/** One entry of an external value (福彩3D …) by one account; confirmed once two different accounts entered the same value. */
export const drawExternalEntries = pgTable(
  'draw_external_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    drawId: uuid('draw_id')
      .notNull()
      .references(() => draws.id),
    source: text('source').notNull(),
    ref: text('ref').notNull(),
    value: text('value').notNull(),
    enteredBy: uuid('entered_by').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
  },
  // Not unique per account: an account may correct its own entry (see domain/draw/external-entries.ts).
  (t) => [index('draw_external_entries_draw_idx').on(t.drawId, t.source, t.ref)],
);

/** 抽查任务: one drawn unit with its inspectors, due date and replacement order. */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null for a 复查 task (kind 'reinspection'), which no draw made. */
    drawId: uuid('draw_id').references(() => draws.id),
    /** 'draw': a 双随机 task; 'reinspection': a 复查 after a correction notice (decision 0023, not counted by the frequency rules). */
    kind: text('kind', { enum: ['draw', 'reinspection'] })
      .notNull()
      .default('draw'),
    /** For a 复查 task: the 责令限期改正通知书 it follows up (documents.id). */
    followsDocumentId: uuid('follows_document_id'),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    stratum: text('stratum').notNull(),
    /** Rank in the stratum (0-based); alternates that replaced a unit keep their alternate rank. */
    rank: integer('rank').notNull(),
    leadIds: uuid('lead_ids').array().notNull(),
    assistantIds: uuid('assistant_ids').array().notNull(),
    /** {lead: [ids], assistant: [ids]}: the published 递补 order for inspectors. */
    backups: jsonb('backups').$type<{ lead: string[]; assistant: string[] }>().notNull(),
    dueDate: date('due_date').notNull(),
    /** The task's life (src/domain/tasks/task-lifecycle.ts, decision 0020). */
    status: text('status', { enum: ['assigned', 'notified', 'in_progress', 'done', 'unable', 'closed', 'replaced', 'cancelled'] })
      .notNull()
      .default('assigned'),
    /** The task this one replaces (unit replacement by the stratum's next alternate). */
    replacesTaskId: uuid('replaces_task_id'),
    /** The visit day the lead set (pre-notice), and when and by whom the unit was told. */
    visitDate: date('visit_date'),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    /** A notice later than the last working day before the visit, and the reason given for it. */
    noticeLate: boolean('notice_late').notNull().default(false),
    noticeLateReason: text('notice_late_reason'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('tasks_draw_unit_key').on(t.drawId, t.unitId),
    index('tasks_org_idx').on(t.orgId, t.dueDate),
    index('tasks_unit_idx').on(t.unitId),
    index('tasks_lead_idx').using('gin', t.leadIds),
    index('tasks_assistant_idx').using('gin', t.assistantIds),
    uniqueIndex('tasks_follows_document_key').on(t.followsDocumentId).where(sql`${t.followsDocumentId} is not null and ${t.status} <> 'cancelled'`),
    check('tasks_kind_check', sql`${t.kind} in ('draw', 'reinspection')`),
    check('tasks_kind_draw_check', sql`(${t.kind} = 'draw') = (${t.drawId} is not null)`),
    check(
      'tasks_status_check',
      sql`${t.status} in ('assigned', 'notified', 'in_progress', 'done', 'unable', 'closed', 'replaced', 'cancelled')`,
    ),
  ],
);

/**
 * Uploaded files (evidence photos and PDFs), stored once by the SHA-256 of their bytes: the same photo attached twice
 * is one row, and anyone holding a record can check the file it names has not changed. Never deleted.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    sha256: varchar('sha256', { length: 64 }).primaryKey(),
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    /** The bytes when `location` is 'database'; empty when they are in the shared file directory (decision 0029). */
    bytes: bytea('bytes').notNull(),
    /** Where the bytes are: in this row, or in the shared directory (FILE_STORE_DIR) under their SHA-256. */
    location: text('location', { enum: ['database', 'directory'] }).notNull().default('database'),
    /** The name it was first uploaded under. */
    fileName: text('file_name').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [check('stored_files_location_check', sql`${t.location} in ('database', 'directory')`)],
);

/** Every change to a drawn task after the draw (递补 of an inspector or a unit, cancellation), public. */
export const taskChanges = pgTable(
  'task_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    drawId: uuid('draw_id')
      .notNull()
      .references(() => draws.id),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    kind: text('kind', { enum: ['inspector_replaced', 'unit_replaced', 'cancelled'] }).notNull(),
    role: text('role'),
    fromId: text('from_id'),
    toId: text('to_id'),
    reason: text('reason').notNull(),
    evidence: text('evidence').notNull(),
    /** Evidence files (photos, PDF) by their SHA-256 in stored_files. */
    evidenceFiles: jsonb('evidence_files').$type<AttachedFile[]>().notNull().default([]),
    by: uuid('by').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('task_changes_draw_idx').on(t.drawId, t.at), check('task_changes_kind_check', sql`${t.kind} in ('inspector_replaced', 'unit_replaced', 'cancelled')`)],
);

/**
 * Messages to the outside (the pre-notice to a unit), sent by the outbox job (src/server/jobs/background-jobs.ts) through
 * their channel: `log` (kept here, read in 消息发件箱) or `sms` (the HTTP SMS gateway). Never deleted; a failure is
 * retried with back-off and stays visible. `shortCode` is the public notice link /portal/notice/<code>.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    taskId: uuid('task_id').references(() => tasks.id),
    channel: text('channel', { enum: ['log', 'sms'] }).notNull(),
    recipient: text('recipient').notNull(),
    body: text('body').notNull(),
    shortCode: varchar('short_code', { length: 16 }).notNull(),
    /** The visit day the message announces (a later reschedule sends a new message). */
    visitDate: date('visit_date'),
    state: text('state', { enum: ['pending', 'sent', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('outbox_messages_short_code_key').on(t.shortCode),
    index('outbox_messages_due_idx').on(t.state, t.nextAttemptAt),
    index('outbox_messages_org_idx').on(t.orgId, t.createdAt),
    index('outbox_messages_task_idx').on(t.taskId),
    check('outbox_messages_channel_check', sql`${t.channel} in ('log', 'sms')`),
    check('outbox_messages_state_check', sql`${t.state} in ('pending', 'sent', 'failed')`),
  ],
);

/**
 * 消防监督检查记录: made on the device under its own id, never changed (a trigger refuses UPDATE and DELETE). A
 * correction is a new version naming the one it corrects. `bodyHash` is SHA-256 of the RFC 8785 canonical JSON of
 * `body`; every signature covers it. `submissionHash` covers body, signatures and correction: a repeat with the same
 * id is answered with the stored record, another submission under the same id is refused.
 */
export const inspectionRecords = pgTable(
  'inspection_records',
  {
    id: uuid('id').primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    version: integer('version').notNull(),
    correctsId: uuid('corrects_id').references((): AnyPgColumn => inspectionRecords.id),
    correctionReason: text('correction_reason'),
    outcome: text('outcome', { enum: ['inspected', 'unable'] }).notNull(),
    body: jsonb('body').$type<RecordBody>().notNull(),
    bodyHash: varchar('body_hash', { length: 64 }).notNull(),
    signatures: jsonb('signatures').$type<RecordSignatures>().notNull(),
    submissionHash: varchar('submission_hash', { length: 64 }).notNull(),
    /** The check-item versions and line texts the record was made against. */
    snapshot: jsonb('snapshot').$type<RecordSnapshot>().notNull(),
    visitDate: date('visit_date').notNull(),
    submittedBy: uuid('submitted_by').notNull(),
    submittedByInspector: uuid('submitted_by_inspector').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('inspection_records_task_version_key').on(t.taskId, t.version),
    index('inspection_records_submitted_idx').on(t.submittedAt),
    index('inspection_records_visit_idx').on(t.visitDate, t.id),
    check('inspection_records_outcome_check', sql`${t.outcome} in ('inspected', 'unable')`),
    check('inspection_records_version_check', sql`${t.version} >= 1`),
  ],
);

/** The 协办's confirmation of a record, signed (on their own device or the lead's) over the record's body hash. */
export const recordConfirmations = pgTable(
  'record_confirmations',
  {
    recordId: uuid('record_id')
      .notNull()
      .references(() => inspectionRecords.id),
    inspectorId: uuid('inspector_id')
      .notNull()
      .references(() => inspectors.id),
    bodyHash: varchar('body_hash', { length: 64 }).notNull(),
    signature: jsonb('signature').$type<Signature>().notNull(),
    confirmedBy: uuid('confirmed_by').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.inspectorId] })],
);

// ---------------------------------------------------------------------------------------------------------------
// Documents, deadlines and the follow-up (decision 0023)
// ---------------------------------------------------------------------------------------------------------------

/**
 * The last number given per brigade, document type and year. Incremented in the issuing transaction (INSERT … ON
 * CONFLICT DO UPDATE … RETURNING): concurrent issuers wait on the row, a rolled-back issue gives its number back, so
 * numbers have no gaps and no twins.
 */
export const documentCounters = pgTable(
  'document_counters',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    docType: text('doc_type').notNull(),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.docType, t.year] }), check('document_counters_seq_check', sql`${t.lastSeq} >= 1`)],
);

/** A brigade's own number pattern for a document type (tokens {代字} {年} {序号:N}); absent: the default pattern. */
export const documentNumberFormats = pgTable(
  'document_number_formats',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    docType: text('doc_type').notNull(),
    pattern: text('pattern').notNull(),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.docType] })],
);

/**
 * An issued document (文书). `content` is everything printed; `contentHash` its SHA-256 (canonical JSON) printed on the
 * paper and shown at /portal/documents/<checkCode>. Never changed and never deleted (a trigger allows only voiding):
 * a correction is a new document whose `replacesId` names the old one; a number voided by mistake stays, as voided.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    docType: text('doc_type').notNull(),
    number: text('number').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    issueDate: date('issue_date').notNull(),
    taskId: uuid('task_id').references(() => tasks.id),
    recordId: uuid('record_id').references(() => inspectionRecords.id),
    caseId: uuid('case_id'),
    replacesId: uuid('replaces_id').references((): AnyPgColumn => documents.id),
    content: jsonb('content').$type<DocumentContent>().notNull(),
    contentHash: varchar('content_hash', { length: 64 }).notNull(),
    checkCode: varchar('check_code', { length: 16 }).notNull(),
    status: text('status', { enum: ['issued', 'voided'] })
      .notNull()
      .default('issued'),
    voidReason: text('void_reason'),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedBy: uuid('voided_by'),
    issuedBy: uuid('issued_by').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('documents_seq_key').on(t.orgId, t.docType, t.year, t.seq),
    uniqueIndex('documents_number_key').on(t.orgId, t.number),
    uniqueIndex('documents_check_code_key').on(t.checkCode),
    index('documents_org_idx').on(t.orgId, t.issuedAt),
    index('documents_unit_idx').on(t.unitId),
    index('documents_task_idx').on(t.taskId),
    index('documents_case_idx').on(t.caseId),
    check('documents_status_check', sql`${t.status} in ('issued', 'voided')`),
    check('documents_seq_check', sql`${t.seq} >= 1`),
  ],
);

/** 送达: how and when a document reached its party. Append-only; a document may be served more than once (a retry by post). */
export const documentServices = pgTable(
  'document_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    method: text('method', { enum: ['direct', 'left', 'post', 'electronic'] }).notNull(),
    servedAt: timestamp('served_at', { withTimezone: true }).notNull(),
    place: text('place').notNull().default(''),
    recipientName: text('recipient_name').notNull().default(''),
    recipientRelation: text('recipient_relation').notNull().default(''),
    /** 留置: why the recipient refused, and the witness. */
    refusalReason: text('refusal_reason'),
    witness: text('witness'),
    /** 邮寄: the postal tracking number. 电子: the address and that the party consented in writing. */
    postalTracking: text('postal_tracking'),
    electronicAddress: text('electronic_address'),
    consentFile: varchar('consent_file', { length: 64 }),
    /** The recipient's signature image or a photo of the receipt / the posted document, by SHA-256 in stored_files. */
    evidenceFiles: jsonb('evidence_files').$type<string[]>().notNull().default([]),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('document_services_document_idx').on(t.documentId),
    check('document_services_method_check', sql`${t.method} in ('direct', 'left', 'post', 'electronic')`),
  ],
);

/**
 * A hazard found in an inspection (one per 不符合 line of a submitted record), followed until it reaches a terminal
 * stage (src/domain/hazards/hazard-stage.ts). The 隐患闭环 view lists them with their deadlines.
 */
export const hazards = pgTable(
  'hazards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    recordId: uuid('record_id')
      .notNull()
      .references(() => inspectionRecords.id),
    /** The checklist line's code and its place among the record's hazards (1-based). */
    lineCode: text('line_code').notNull(),
    seq: integer('seq').notNull(),
    description: text('description').notNull(),
    location: text('location').notNull(),
    legalBasis: text('legal_basis').notNull(),
    fixedOnSpot: boolean('fixed_on_spot').notNull(),
    foundOn: date('found_on').notNull(),
    stage: text('stage', { enum: ['found', 'ordered', 'reinspection', 'corrected', 'case', 'closed', 'superseded'] }).notNull(),
    /** The notice that orders its correction, and the date by which it must be corrected (于…前改正). */
    noticeId: uuid('notice_id').references(() => documents.id),
    correctionDue: date('correction_due'),
    reinspectionTaskId: uuid('reinspection_task_id').references(() => tasks.id),
    caseId: uuid('case_id'),
    closedOn: date('closed_on'),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('hazards_record_seq_key').on(t.recordId, t.seq),
    index('hazards_org_stage_idx').on(t.orgId, t.stage),
    index('hazards_unit_idx').on(t.unitId),
    index('hazards_task_idx').on(t.taskId),
    index('hazards_notice_idx').on(t.noticeId),
    check('hazards_stage_check', sql`${t.stage} in ('found', 'ordered', 'reinspection', 'corrected', 'case', 'closed', 'superseded')`),
  ],
);

/** The unit's request for an early 复查 (it says the hazards are corrected before the deadline). */
export const reinspectionRequests = pgTable(
  'reinspection_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    requestedOn: date('requested_on').notNull(),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('reinspection_requests_document_idx').on(t.documentId)],
);

/** 行政案件: opened for hazards not corrected (or directly), decided by a penalty decision, executed, closed. */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** The case number (立案), from the same counters as documents (type 'case'). */
    number: text('number').notNull(),
    openedOn: date('opened_on').notNull(),
    openedBy: uuid('opened_by').notNull(),
    reason: text('reason').notNull(),
    partyKind: text('party_kind', { enum: ['organisation', 'person'] }).notNull(),
    partyName: text('party_name').notNull(),
    /** A natural person under 18: nothing about the penalty is published (decision 0024). */
    partyMinor: boolean('party_minor').notNull().default(false),
    procedure: text('procedure', { enum: ['summary', 'ordinary'] }).notNull(),
    status: text('status', { enum: ['open', 'decided', 'closed', 'revoked'] })
      .notNull()
      .default('open'),
    /** The penalty as decided: the Fire Law provision (src/domain/cases/fire-law-provisions.ts), kind and amount in yuan. */
    provisionCode: text('provision_code'),
    penaltyKind: text('penalty_kind', { enum: ['warning', 'fine'] }),
    fineAmount: integer('fine_amount'),
    decidedOn: date('decided_on'),
    decisionDocumentId: uuid('decision_document_id').references(() => documents.id),
    paymentStatus: text('payment_status', { enum: ['not_applicable', 'unpaid', 'paid', 'enforced'] })
      .notNull()
      .default('not_applicable'),
    paidOn: date('paid_on'),
    paymentNote: text('payment_note'),
    closedOn: date('closed_on'),
    closeNote: text('close_note'),
    /** The decision revoked or changed (行政复议, 诉讼 or the organ's own correction): when, how and on what ground. */
    revokedOn: date('revoked_on'),
    revokeKind: text('revoke_kind', { enum: ['revoked', 'changed'] }),
    revokeReason: text('revoke_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('cases_number_key').on(t.orgId, t.number),
    index('cases_org_idx').on(t.orgId, t.openedOn),
    index('cases_unit_idx').on(t.unitId),
    check('cases_status_check', sql`${t.status} in ('open', 'decided', 'closed', 'revoked')`),
    check('cases_fine_check', sql`${t.fineAmount} is null or ${t.fineAmount} >= 0`),
  ],
);

/** 移送: a case or hazard handed to another department, with the letter and the department's reply. */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    caseId: uuid('case_id').references(() => cases.id),
    hazardIds: uuid('hazard_ids').array().notNull().default(sql`'{}'::uuid[]`),
    department: text('department', { enum: ['housing', 'market', 'police', 'judicial', 'other'] }).notNull(),
    departmentName: text('department_name').notNull(),
    reason: text('reason').notNull(),
    letterDocumentId: uuid('letter_document_id').references(() => documents.id),
    sentOn: date('sent_on').notNull(),
    status: text('status', { enum: ['sent', 'replied'] })
      .notNull()
      .default('sent'),
    replyOn: date('reply_on'),
    replyText: text('reply_text'),
    replyFiles: jsonb('reply_files').$type<string[]>().notNull().default([]),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('referrals_org_idx').on(t.orgId, t.sentOn), check('referrals_status_check', sql`${t.status} in ('sent', 'replied')`)],
);

/** 临时查封: decided collectively, served within 3 working days (24 h after an emergency seal), lifted by a notice. */
export const sealings = pgTable(
  'sealings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    hazardIds: uuid('hazard_ids').array().notNull().default(sql`'{}'::uuid[]`),
    places: text('places').notNull(),
    reason: text('reason').notNull(),
    emergency: boolean('emergency').notNull().default(false),
    /** The collective decision: when it met and who took part. */
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    deciders: text('deciders').notNull(),
    sealedOn: date('sealed_on').notNull(),
    sealedUntil: date('sealed_until').notNull(),
    decisionDocumentId: uuid('decision_document_id').references(() => documents.id),
    status: text('status', { enum: ['sealed', 'lifted'] })
      .notNull()
      .default('sealed'),
    liftedOn: date('lifted_on'),
    liftDocumentId: uuid('lift_document_id').references(() => documents.id),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sealings_org_idx').on(t.orgId, t.sealedOn), check('sealings_status_check', sql`${t.status} in ('sealed', 'lifted')`)],
);

// ---------------------------------------------------------------------------------------------------------------
// 一公开: publication of results and penalties, and the inspected unit's own page (decision 0024)
// ---------------------------------------------------------------------------------------------------------------

/** A publication policy set at an org (a 总队 for its province, or lower); the nearest one up the tree applies. */
export const publicationSettings = pgTable('publication_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  policy: jsonb('policy').$type<PublicationPolicy>().notNull(),
  updatedBy: uuid('updated_by').notNull(),
  updatedAt: updatedAt(),
});

/**
 * One entry to publish: the result of a drawn task's inspection, or a penalty decision. `content` holds the facts as
 * composed (src/domain/publication/publication-types.ts); the public presenters mask them on the way out. The
 * search columns (unit name, credit code, district, outcome, bigrams) are copied from the content so the portal's
 * search reads one table.
 */
export const publications = pgTable(
  'publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['result', 'penalty'] }).notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    taskId: uuid('task_id').references(() => tasks.id),
    drawId: uuid('draw_id').references(() => draws.id),
    caseId: uuid('case_id').references(() => cases.id),
    /** The inspection day (result) or the decision day (penalty): the period runs from it. */
    eventDate: date('event_date').notNull(),
    status: text('status', { enum: ['pending', 'published', 'withdrawal_pending', 'withdrawn', 'suppressed'] })
      .notNull()
      .default('pending'),
    suppressReason: text('suppress_reason'),
    content: jsonb('content').$type<PublicationContent>().notNull(),
    /** How many times the content was composed again (a corrected record); 1 at first. */
    contentVersion: integer('content_version').notNull().default(1),
    unitName: text('unit_name').notNull(),
    uscc: varchar('uscc', { length: 18 }),
    districtCode: varchar('district_code', { length: 6 }),
    outcome: text('outcome', { enum: ['no_hazard', 'hazards', 'unable', 'warning', 'fine'] }).notNull(),
    searchGrams: text('search_grams').array().notNull().default(sql`'{}'::text[]`),
    publishedOn: date('published_on'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Who published it; null: the daily job (auto-publication). */
    publishedBy: uuid('published_by'),
    displayUntil: date('display_until'),
    withdrawKind: text('withdraw_kind', { enum: ['revoked', 'changed', 'voided'] }),
    withdrawReason: text('withdraw_reason'),
    withdrawRequestedOn: date('withdraw_requested_on'),
    withdrawnOn: date('withdrawn_on'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by'),
    createdOn: date('created_on').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('publications_task_key').on(t.taskId).where(sql`${t.kind} = 'result'`),
    uniqueIndex('publications_case_key').on(t.caseId).where(sql`${t.kind} = 'penalty'`),
    index('publications_queue_idx').on(t.orgId, t.status, t.eventDate),
    index('publications_unit_idx').on(t.unitId, t.eventDate),
    // The portal's search (searchPortal, decision 0024): one index per way in — newest first, by outcome, by district,
    // the penalties — each ending with every column the other filters and the text search read, so that a page's ids
    // and the capped count come from the index alone. (Key columns: drizzle has no INCLUDE.)
    index('publications_portal_idx')
      .on(t.eventDate, t.id, t.displayUntil, t.kind, t.outcome, t.districtCode, t.unitName, t.uscc)
      .where(sql`${t.status} in ('published', 'withdrawn')`),
    index('publications_portal_outcome_idx')
      .on(t.outcome, t.eventDate, t.id, t.displayUntil, t.kind, t.districtCode, t.unitName, t.uscc)
      .where(sql`${t.status} in ('published', 'withdrawn')`),
    index('publications_portal_district_idx')
      .on(t.districtCode, t.eventDate, t.id, t.displayUntil, t.kind, t.outcome, t.unitName, t.uscc)
      .where(sql`${t.status} in ('published', 'withdrawn')`),
    index('publications_portal_penalty_idx')
      .on(t.eventDate, t.id, t.displayUntil, t.outcome, t.districtCode, t.unitName, t.uscc)
      .where(sql`${t.status} in ('published', 'withdrawn') and ${t.kind} = 'penalty'`),
    index('publications_grams_idx').using('gin', t.searchGrams).where(sql`${t.status} in ('published', 'withdrawn')`),
    index('publications_uscc_idx').on(t.uscc).where(sql`${t.status} in ('published', 'withdrawn')`),
    index('publications_draw_idx').on(t.drawId),
    check('publications_kind_check', sql`${t.kind} in ('result', 'penalty')`),
    check('publications_status_check', sql`${t.status} in ('pending', 'published', 'withdrawal_pending', 'withdrawn', 'suppressed')`),
    check('publications_kind_link_check', sql`(${t.kind} = 'result' and ${t.taskId} is not null) or (${t.kind} = 'penalty' and ${t.caseId} is not null)`),
  ],
);

/** A session of the inspected unit's own page, opened by a document's check code and the unit's credit code. */
export const unitAccessSessions = pgTable(
  'unit_access_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** SHA-256 of the bearer token the page holds; the token itself is never stored. */
    tokenHash: varchar('token_hash', { length: 64 }).notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    ip: text('ip'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('unit_access_sessions_token_key').on(t.tokenHash), index('unit_access_sessions_unit_idx').on(t.unitId)],
);

/** Attempts to open a unit's page (the code as typed, upper-cased), for the attempt limits. */
export const unitAccessAttempts = pgTable(
  'unit_access_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('unit_access_attempts_code_at_idx').on(t.code, t.at), index('unit_access_attempts_ip_at_idx').on(t.ip, t.at)],
);

/** 整改材料: a file (photo or PDF, by SHA-256 in stored_files) the unit uploaded for a notice. Append-only. */
export const rectificationEvidence = pgTable(
  'rectification_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    fileSha256: varchar('file_sha256', { length: 64 }).notNull(),
    fileName: text('file_name').notNull(),
    note: text('note').notNull().default(''),
    sessionId: uuid('session_id').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rectification_evidence_document_idx').on(t.documentId)],
);

/** The unit's rating of an inspection visit (1–5 and a comment): one per task. */
export const visitRatings = pgTable(
  'visit_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    score: integer('score').notNull(),
    comment: text('comment').notNull().default(''),
    sessionId: uuid('session_id').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('visit_ratings_task_key').on(t.taskId),
    index('visit_ratings_org_idx').on(t.orgId, t.submittedAt),
    check('visit_ratings_score_check', sql`${t.score} between 1 and 5`),
  ],
);

/** A complaint about an inspector's conduct: read by 纪检 above the brigade, never by the brigade that inspected. */
export const conductComplaints = pgTable(
  'conduct_complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** The inspector complained about; null: the visit as a whole. */
    inspectorId: uuid('inspector_id').references(() => inspectors.id),
    text: text('text').notNull(),
    contact: text('contact').notNull().default(''),
    sessionId: uuid('session_id').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('conduct_complaints_org_idx').on(t.orgId, t.submittedAt)],
);

/**
 * 十日、二十日检查 (issue 16, decision 0025): one report per brigade (its findings) or detachment (its brigades'
 * counts) and check day. A scheduled report is made once per org and day; a manual one (「立即检查」) replaces the
 * day's earlier manual one.
 */
export const selfCheckReports = pgTable(
  'self_check_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    checkDate: date('check_date').notNull(),
    kind: text('kind', { enum: ['brigade', 'detachment'] }).notNull(),
    manual: boolean('manual').notNull().default(false),
    /** Brigade: the findings (src/domain/oversight/self-check.ts); detachment: [] (see brigades). */
    findings: jsonb('findings').$type<unknown[]>().notNull(),
    /** Counts by finding kind (a detachment's: summed over its brigades). */
    counts: jsonb('counts').$type<Record<string, number>>().notNull(),
    /** Detachment: each brigade's report id, name and counts; brigade: []. */
    brigades: jsonb('brigades').$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
    summary: text('summary').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('self_check_reports_org_date_key').on(t.orgId, t.checkDate, t.manual),
    index('self_check_reports_date_idx').on(t.checkDate),
    check('self_check_reports_kind_check', sql`${t.kind} in ('brigade', 'detachment')`),
  ],
);

/** 待阅消息: one row per recipient account (so each reads their own), e.g. a self-check report for a brigade head. */
export const inboxItems = pgTable(
  'inbox_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** An admin page path, e.g. /admin/self-checks/<id>. */
    link: text('link').notNull(),
    reportId: uuid('report_id').references(() => selfCheckReports.id),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('inbox_items_account_idx').on(t.accountId, t.createdAt), uniqueIndex('inbox_items_report_account_key').on(t.reportId, t.accountId)],
);

/**
 * 统计的速度 (issue 16, decision 0025, migration 0027): the (org, month) cells written since the rollup last folded them
 * in, marked by statement triggers on the source tables (the functions and triggers live in the migration); read from
 * the rows until folded. `seq` moves on at each mark, so a fold never clears a cell marked again meanwhile.
 */
export const statisticsDirty = pgTable(
  'statistics_dirty',
  {
    orgId: uuid('org_id').notNull(),
    month: date('month').notNull(),
    seq: bigint('seq', { mode: 'bigint' }).notNull().default(sql`nextval('statistics_dirty_seq')`),
  },
  (t) => [primaryKey({ name: 'statistics_dirty_pk', columns: [t.orgId, t.month] }), index('statistics_dirty_seq_idx').on(t.seq)],
);

/** The dashboard's counts per org (the scope's org), month, dimension (brigade, district, industry, category) and key. */
export const statisticsRollup = pgTable(
  'statistics_rollup',
  {
    orgId: uuid('org_id').notNull(),
    month: date('month').notNull(),
    dim: text('dim', { enum: ['brigade', 'district', 'industry', 'category'] }).notNull(),
    key: text('key').notNull(),
    planned: numeric('planned').notNull().default('0'),
    plannedRows: integer('planned_rows').notNull().default(0),
    drawn: integer('drawn').notNull().default(0),
    completed: integer('completed').notNull().default(0),
    inspected: integer('inspected').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    unable: integer('unable').notNull().default(0),
    hazards: integer('hazards').notNull().default(0),
    notices: integer('notices').notNull().default(0),
    reinspections: integer('reinspections').notNull().default(0),
    reinspectionsOnTime: integer('reinspections_on_time').notNull().default(0),
    penalties: integer('penalties').notNull().default(0),
    penaltyAmount: numeric('penalty_amount').notNull().default('0'),
    sealings: integer('sealings').notNull().default(0),
    jointInspections: integer('joint_inspections').notNull().default(0),
    doneOnTime: integer('done_on_time').notNull().default(0),
    resultEntries: integer('result_entries').notNull().default(0),
    published: integer('published').notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'statistics_rollup_pk', columns: [t.dim, t.orgId, t.month, t.key] }),
    check('statistics_rollup_dim_check', sql`${t.dim} in ('brigade', 'district', 'industry', 'category')`),
  ],
);

// ---------------------------------------------------------------------------------------------------------------
// 纪检回访 (issue 16, decision 0026): quarterly callback draws, kept apart from the plan draws
// ---------------------------------------------------------------------------------------------------------------

/**
 * One quarterly callback round of a 纪检's org: an ordinary XF-SRS/1 manifest over the units inspected or penalised in
 * the quarter, drawn like a plan draw (frozen → executed, or voided with a reason; never deleted, the manifest and the
 * result never change) but never shown as a plan draw nor counted by statistics. One live round per org and quarter.
 */
export const callbackRounds = pgTable(
  'callback_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    /** e.g. '2026Q3'. */
    quarter: text('quarter').notNull(),
    status: text('status', { enum: ['frozen', 'executed', 'voided'] }).notNull(),
    manifest: jsonb('manifest').$type<Manifest>().notNull(),
    manifestHash: varchar('manifest_hash', { length: 64 }).notNull(),
    frozenAt: timestamp('frozen_at', { withTimezone: true }).notNull(),
    frozenBy: uuid('frozen_by').notNull(),
    seed: varchar('seed', { length: 64 }),
    result: jsonb('result').$type<DrawResult>(),
    resultHash: varchar('result_hash', { length: 64 }),
    executedAt: timestamp('executed_at', { withTimezone: true }),
    executedBy: uuid('executed_by'),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedBy: uuid('voided_by'),
    voidReason: text('void_reason'),
  },
  (t) => [
    uniqueIndex('callback_rounds_code_key').on(t.code),
    uniqueIndex('callback_rounds_live_key').on(t.orgId, t.quarter).where(sql`${t.status} <> 'voided'`),
    check('callback_rounds_status_check', sql`${t.status} in ('frozen', 'executed', 'voided')`),
  ],
);

/** One entry of a callback round's external value by one 纪检 account (append-only; confirmed by two accounts). */
export const callbackExternalEntries = pgTable(
  'callback_external_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => callbackRounds.id),
    source: text('source').notNull(),
    ref: text('ref').notNull(),
    value: text('value').notNull(),
    enteredBy: uuid('entered_by').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('callback_external_entries_round_idx').on(t.roundId, t.source, t.ref)],
);

/**
 * A unit to call back: drawn (rank in its stratum) or an alternate that replaced an unreachable one (`replacesId`,
 * who and why). 回访人 (`callerId`) and 记录人 (`recorderId`) are 纪检 accounts. Never deleted.
 */
export const callbackUnits = pgTable(
  'callback_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => callbackRounds.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    brigadeId: uuid('brigade_id')
      .notNull()
      .references(() => orgs.id),
    stratum: text('stratum').notNull(),
    rank: integer('rank').notNull(),
    callerId: uuid('caller_id')
      .notNull()
      .references(() => accounts.id),
    recorderId: uuid('recorder_id')
      .notNull()
      .references(() => accounts.id),
    status: text('status', { enum: ['open', 'recorded', 'replaced', 'cancelled'] }).notNull().default('open'),
    replacesId: uuid('replaces_id').references((): AnyPgColumn => callbackUnits.id),
    replaceReason: text('replace_reason'),
    replacedBy: uuid('replaced_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('callback_units_round_unit_key').on(t.roundId, t.unitId),
    check('callback_units_status_check', sql`${t.status} in ('open', 'recorded', 'replaced', 'cancelled')`),
  ],
);

/** The record of one callback (append-only: a later record of the same unit supersedes the earlier one). */
export const callbackRecords = pgTable(
  'callback_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callbackUnitId: uuid('callback_unit_id')
      .notNull()
      .references(() => callbackUnits.id),
    reached: boolean('reached').notNull(),
    attempts: integer('attempts').notNull(),
    /** 1–5 when reached; null when not. */
    satisfaction: integer('satisfaction'),
    conductReported: boolean('conduct_reported').notNull().default(false),
    /** What the unit reported about the inspectors' conduct: 纪检 only, masked on any later public use. */
    conductText: text('conduct_text').notNull().default(''),
    notes: text('notes').notNull().default(''),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('callback_records_unit_idx').on(t.callbackUnitId, t.recordedAt),
    check('callback_records_attempts_check', sql`${t.attempts} between 1 and 20`),
    check('callback_records_satisfaction_check', sql`(${t.reached} and ${t.satisfaction} between 1 and 5) or (not ${t.reached} and ${t.satisfaction} is null)`),
  ],
);

// ---------------------------------------------------------------------------------------------------------------
// 数据交换: export batches for the provincial 协同监管平台 and the credit system, their deliveries (decision 0027)
// ---------------------------------------------------------------------------------------------------------------

/** An org's exchange settings: where its batches are delivered, and its credit policy; the nearest org up the tree decides each. */
export const exchangeSettings = pgTable('exchange_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  /** The receiving endpoint (HTTPS POST of the JSON document); null: batches are kept for download only. */
  endpointUrl: text('endpoint_url'),
  creditPolicy: jsonb('credit_policy').$type<CreditPolicy>(),
  updatedBy: uuid('updated_by').notNull(),
  updatedAt: updatedAt(),
});

/**
 * One export batch: the JSON document exactly as generated (so a later download is byte for byte the same, and its
 * SHA-256 proves it) and the same rows as .xlsx (base64, like import files: PGlite passes bytea byte by byte).
 * kind 'publications': results and penalties published in the period; 'credit': the credit feed of the period.
 * A period too large for one batch is split into parts (part 1..partCount), each its own batch.
 */
export const exchangeBatches = pgTable(
  'exchange_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['publications', 'credit'] }).notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    part: integer('part').notNull().default(1),
    partCount: integer('part_count').notNull().default(1),
    itemCount: integer('item_count').notNull(),
    jsonText: text('json_text').notNull(),
    jsonSha256: varchar('json_sha256', { length: 64 }).notNull(),
    xlsxBase64: text('xlsx_base64').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('exchange_batches_org_idx').on(t.orgId, t.createdAt),
    check('exchange_batches_kind_check', sql`${t.kind} in ('publications', 'credit')`),
  ],
);

/**
 * The delivery of a batch to the org's endpoint, an outbox row like outbox_messages (decision 0020): leased, POSTed,
 * marked sent, or retried with the same back-off (src/domain/outbox/retry.ts), failed after the last attempt and
 * sent again only by 重新发送. Never deleted.
 */
export const exchangeDeliveries = pgTable(
  'exchange_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => exchangeBatches.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    url: text('url').notNull(),
    state: text('state', { enum: ['pending', 'sent', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('exchange_deliveries_due_idx').on(t.state, t.nextAttemptAt),
    index('exchange_deliveries_batch_idx').on(t.batchId, t.createdAt),
    check('exchange_deliveries_state_check', sql`${t.state} in ('pending', 'sent', 'failed')`),
  ],
);

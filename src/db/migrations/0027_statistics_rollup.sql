-- 统计的速度 (issue 16, decision 0025): counts per (org, month, grouping dimension, key) for the dashboard, kept exact
-- by marking the (org, month) cells a write touches as dirty. A reader takes clean cells from the rollup and dirty cells
-- from the row sources (src/db/statistics-queries.ts), so a just-written row shows at once; a refresher folds dirty cells
-- into the rollup in small steps. org_id is the org the scope filter applies to (a draw's org for 抽取任务数, whose
-- brigade key is the task's org), month the first day of the row's month.
CREATE SEQUENCE "statistics_dirty_seq";
--> statement-breakpoint
CREATE TABLE "statistics_dirty" (
	"org_id" uuid NOT NULL,
	"month" date NOT NULL,
	"seq" bigint DEFAULT nextval('statistics_dirty_seq') NOT NULL,
	CONSTRAINT "statistics_dirty_pk" PRIMARY KEY ("org_id", "month")
);
--> statement-breakpoint
CREATE INDEX "statistics_dirty_seq_idx" ON "statistics_dirty" USING btree ("seq");
--> statement-breakpoint
CREATE TABLE "statistics_rollup" (
	"org_id" uuid NOT NULL,
	"month" date NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"planned" numeric DEFAULT 0 NOT NULL,
	"planned_rows" integer DEFAULT 0 NOT NULL,
	"drawn" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"inspected" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"unable" integer DEFAULT 0 NOT NULL,
	"hazards" integer DEFAULT 0 NOT NULL,
	"notices" integer DEFAULT 0 NOT NULL,
	"reinspections" integer DEFAULT 0 NOT NULL,
	"reinspections_on_time" integer DEFAULT 0 NOT NULL,
	"penalties" integer DEFAULT 0 NOT NULL,
	"penalty_amount" numeric DEFAULT 0 NOT NULL,
	"sealings" integer DEFAULT 0 NOT NULL,
	"joint_inspections" integer DEFAULT 0 NOT NULL,
	"done_on_time" integer DEFAULT 0 NOT NULL,
	"result_entries" integer DEFAULT 0 NOT NULL,
	"published" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "statistics_rollup_pk" PRIMARY KEY ("dim", "org_id", "month", "key"),
	CONSTRAINT "statistics_rollup_dim_check" CHECK ("dim" in ('brigade', 'district', 'industry', 'category'))
);
--> statement-breakpoint
-- A drill-down list of records over a wide scope (a 总队's year) pages in visit order: walked by this index and stopped
-- at the page's end instead of sorting the scope's hundreds of thousands of records.
CREATE INDEX "inspection_records_visit_idx" ON "inspection_records" USING btree ("visit_date", "id");
--> statement-breakpoint
-- Marks the cells of rows given as (org_id, day).
CREATE FUNCTION statistics_month(day date) RETURNS date LANGUAGE sql IMMUTABLE AS $$ select day - (extract(day from day)::int - 1) $$;
--> statement-breakpoint
-- A trigger on a table whose rows carry their own org and date: TG_ARGV[0] is the date expression over the row.
CREATE FUNCTION statistics_mark_dated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE format('insert into statistics_dirty (org_id, month) select distinct org_id, statistics_month(%s) from new_rows where (%s) is not null
      on conflict (org_id, month) do update set seq = nextval(''statistics_dirty_seq'')', TG_ARGV[0], TG_ARGV[0]);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE format('insert into statistics_dirty (org_id, month) select distinct org_id, statistics_month(%s) from old_rows where (%s) is not null
      on conflict (org_id, month) do update set seq = nextval(''statistics_dirty_seq'')', TG_ARGV[0], TG_ARGV[0]);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The cells behind tasks (given by id): their due month (复查), their draw's period (抽取) and their records' months.
CREATE FUNCTION statistics_mark_tasks(task_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  insert into statistics_dirty (org_id, month)
  select distinct org_id, month from (
    select t.org_id, statistics_month(t.due_date) as month from tasks t where t.id = any(task_ids)
    union all
    select d.org_id, statistics_month(d.period_start) from tasks t join draws d on d.id = t.draw_id where t.id = any(task_ids)
    union all
    select t.org_id, statistics_month(r.visit_date) from tasks t join inspection_records r on r.task_id = t.id where t.id = any(task_ids)
  ) c
  on conflict (org_id, month) do update set seq = nextval('statistics_dirty_seq')
$$;
--> statement-breakpoint
CREATE FUNCTION statistics_mark_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A new version ends the previous one's being the latest: the task's cells (all its versions' months) change.
  PERFORM statistics_mark_tasks(array(select distinct task_id from new_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION statistics_mark_task_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM statistics_mark_tasks(array(select id from new_rows));
  ELSE
    -- The old cells (org, due date, draw as they were) and the new ones, for the tasks whose counted columns changed.
    insert into statistics_dirty (org_id, month)
    select distinct o.org_id, statistics_month(o.due_date) from old_rows o join new_rows n on n.id = o.id
    where (o.org_id, o.due_date, o.status, o.kind, o.unit_id, o.draw_id) is distinct from (n.org_id, n.due_date, n.status, n.kind, n.unit_id, n.draw_id)
    union
    select distinct d.org_id, statistics_month(d.period_start) from old_rows o join new_rows n on n.id = o.id join draws d on d.id = o.draw_id
    where (o.org_id, o.status, o.kind, o.unit_id, o.draw_id) is distinct from (n.org_id, n.status, n.kind, n.unit_id, n.draw_id)
    union
    select distinct o.org_id, statistics_month(r.visit_date) from old_rows o join new_rows n on n.id = o.id join inspection_records r on r.task_id = o.id
    where (o.org_id, o.kind, o.unit_id, o.due_date) is distinct from (n.org_id, n.kind, n.unit_id, n.due_date)
    on conflict (org_id, month) do update set seq = nextval('statistics_dirty_seq');
    PERFORM statistics_mark_tasks(array(
      select n.id from old_rows o join new_rows n on n.id = o.id
      where (o.org_id, o.due_date, o.status, o.kind, o.unit_id, o.draw_id) is distinct from (n.org_id, n.due_date, n.status, n.kind, n.unit_id, n.draw_id)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION statistics_mark_draws() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  insert into statistics_dirty (org_id, month)
  select distinct org_id, month from (
    select o.org_id, statistics_month(o.period_start) as month from old_rows o join new_rows n on n.id = o.id
      where (o.org_id, o.status, o.period_start) is distinct from (n.org_id, n.status, n.period_start)
    union all
    select n.org_id, statistics_month(n.period_start) from old_rows o join new_rows n on n.id = o.id
      where (o.org_id, o.status, o.period_start) is distinct from (n.org_id, n.status, n.period_start)
  ) c
  on conflict (org_id, month) do update set seq = nextval('statistics_dirty_seq');
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A unit's district, industry or category groups every row of it: all their cells change.
CREATE FUNCTION statistics_mark_units() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE changed uuid[];
BEGIN
  changed := array(select n.id from old_rows o join new_rows n on n.id = o.id
    where (o.district_code, o.industry, o.category) is distinct from (n.district_code, n.industry, n.category));
  IF cardinality(changed) = 0 THEN RETURN NULL; END IF;
  PERFORM statistics_mark_tasks(array(select id from tasks where unit_id = any(changed)));
  insert into statistics_dirty (org_id, month)
  select distinct org_id, month from (
    select org_id, statistics_month(found_on) as month from hazards where unit_id = any(changed)
    union all select org_id, statistics_month(issue_date) from documents where unit_id = any(changed)
    union all select org_id, statistics_month(decided_on) from cases where unit_id = any(changed) and decided_on is not null
    union all select org_id, statistics_month(sealed_on) from sealings where unit_id = any(changed)
  ) c
  on conflict (org_id, month) do update set seq = nextval('statistics_dirty_seq');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER statistics_records_insert AFTER INSERT ON inspection_records REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_records();
--> statement-breakpoint
CREATE TRIGGER statistics_tasks_insert AFTER INSERT ON tasks REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_task_rows();
--> statement-breakpoint
CREATE TRIGGER statistics_tasks_update AFTER UPDATE ON tasks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_task_rows();
--> statement-breakpoint
CREATE TRIGGER statistics_draws_update AFTER UPDATE ON draws REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_draws();
--> statement-breakpoint
CREATE TRIGGER statistics_units_update AFTER UPDATE ON units REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_units();
--> statement-breakpoint
CREATE TRIGGER statistics_plans_insert AFTER INSERT ON monthly_plans REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_dated('make_date(year, month, 1)');
--> statement-breakpoint
CREATE TRIGGER statistics_plans_update AFTER UPDATE ON monthly_plans REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_dated('make_date(year, month, 1)');
--> statement-breakpoint
CREATE TRIGGER statistics_plans_delete AFTER DELETE ON monthly_plans REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_dated('make_date(year, month, 1)');
--> statement-breakpoint
CREATE TRIGGER statistics_hazards_insert AFTER INSERT ON hazards REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_dated('found_on');
--> statement-breakpoint
CREATE TRIGGER statistics_hazards_update AFTER UPDATE ON hazards REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_dated('found_on');
--> statement-breakpoint
CREATE TRIGGER statistics_hazards_delete AFTER DELETE ON hazards REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_dated('found_on');
--> statement-breakpoint
CREATE TRIGGER statistics_documents_insert AFTER INSERT ON documents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_dated('issue_date');
--> statement-breakpoint
CREATE TRIGGER statistics_documents_update AFTER UPDATE ON documents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_dated('issue_date');
--> statement-breakpoint
CREATE TRIGGER statistics_cases_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_dated('decided_on');
--> statement-breakpoint
CREATE TRIGGER statistics_cases_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_dated('decided_on');
--> statement-breakpoint
CREATE TRIGGER statistics_cases_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_dated('decided_on');
--> statement-breakpoint
CREATE TRIGGER statistics_sealings_insert AFTER INSERT ON sealings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_dated('sealed_on');
--> statement-breakpoint
CREATE TRIGGER statistics_sealings_update AFTER UPDATE ON sealings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_dated('sealed_on');
--> statement-breakpoint
CREATE TRIGGER statistics_sealings_delete AFTER DELETE ON sealings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_dated('sealed_on');
--> statement-breakpoint
CREATE TRIGGER statistics_publications_insert AFTER INSERT ON publications REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_dated('event_date');
--> statement-breakpoint
CREATE TRIGGER statistics_publications_update AFTER UPDATE ON publications REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_dated('event_date');
--> statement-breakpoint
CREATE TRIGGER statistics_publications_delete AFTER DELETE ON publications REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_dated('event_date');
--> statement-breakpoint
-- Rows already there: every cell they fall in starts dirty (read from the rows) until the refresher folds it in.
INSERT INTO statistics_dirty (org_id, month)
SELECT DISTINCT org_id, month FROM (
  SELECT org_id, statistics_month(make_date(year, month, 1)) AS month FROM monthly_plans
  UNION ALL SELECT org_id, statistics_month(period_start) FROM draws
  UNION ALL SELECT t.org_id, statistics_month(r.visit_date) FROM inspection_records r JOIN tasks t ON t.id = r.task_id
  UNION ALL SELECT org_id, statistics_month(due_date) FROM tasks
  UNION ALL SELECT org_id, statistics_month(found_on) FROM hazards
  UNION ALL SELECT org_id, statistics_month(issue_date) FROM documents
  UNION ALL SELECT org_id, statistics_month(decided_on) FROM cases WHERE decided_on IS NOT NULL
  UNION ALL SELECT org_id, statistics_month(sealed_on) FROM sealings
  UNION ALL SELECT org_id, statistics_month(event_date) FROM publications
) c;

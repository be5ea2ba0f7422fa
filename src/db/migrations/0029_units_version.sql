-- The registry's version (decision 0034): a sequence every statement that writes units advances, so a count of units
-- kept between requests can tell whether it still holds. A sequence, not a row: advancing it takes no lock, and two
-- transactions writing units never wait for each other over it.
CREATE SEQUENCE units_version_seq;
--> statement-breakpoint
CREATE FUNCTION units_version_advance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('units_version_seq');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER units_version_advance AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON units
  FOR EACH STATEMENT EXECUTE FUNCTION units_version_advance();

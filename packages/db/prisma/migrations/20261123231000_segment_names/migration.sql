-- Segments saved before names were unique may share a name within a unit: the later ones get a
-- number, so that the unique index below can be built.
UPDATE "member_segment" AS s
SET "name" = left(s."name", 54) || ' (' || d.n || ')'
FROM (
  SELECT "id", row_number() OVER (PARTITION BY "org_unit_id", "name" ORDER BY "created_at", "id") AS n
  FROM "member_segment"
) AS d
WHERE s."id" = d."id" AND d.n > 1;

-- DropIndex
DROP INDEX "member_segment_org_unit_id_idx";

-- CreateIndex
CREATE UNIQUE INDEX "member_segment_org_unit_id_name_key" ON "member_segment"("org_unit_id", "name");

-- AlterTable
-- COLLATE "C": the key (pinyin with tone numbers, then the name) sorts byte by byte, so the
-- list's order and its keyset pages are the same under any database locale (the schema
-- declares the column without: the schema engine leaves column collations alone in diffs).
-- Existing rows get their keys at start-up (apps/server: fillMissingSortNames), since SQL
-- cannot read pinyin.
ALTER TABLE "member" ADD COLUMN     "sort_name" TEXT COLLATE "C" NOT NULL DEFAULT '';

-- CreateIndex
-- text_pattern_ops on the path, as for member_org_unit_path_name_id_idx: scoped lists by name.
CREATE INDEX "member_org_unit_path_sort_name_id_idx" ON "member"("org_unit_path" text_pattern_ops, "sort_name", "id");

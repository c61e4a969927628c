-- One living record per person: at most one member row per ID hash among the statuses in
-- which a record is alive (an open application or a membership). Rejected, resigned,
-- deceased and merged records keep their ID for the history, so a person who resigned can
-- apply again. Written by hand: Prisma's schema cannot express a partial index (see the note
-- on Member in schema.prisma).
CREATE UNIQUE INDEX "member_living_id_hash_key" ON "member"("id_hash")
  WHERE "status" IN ('APPLICANT', 'ACTIVE', 'LAPSED', 'SUSPENDED');

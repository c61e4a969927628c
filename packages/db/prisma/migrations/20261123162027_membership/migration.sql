-- CreateEnum
CREATE TYPE "MemberStatus" AS ENUM ('APPLICANT', 'REJECTED', 'ACTIVE', 'LAPSED', 'SUSPENDED', 'RESIGNED', 'DECEASED', 'MERGED');

-- CreateEnum
CREATE TYPE "IdDocumentType" AS ENUM ('RESIDENT_ID', 'PASSPORT', 'OTHER');

-- CreateTable
CREATE TABLE "employer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "credit_code" TEXT,
    "org_unit_id" UUID,
    "workforce_size" INTEGER,
    "address" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "employer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workplace" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "employer_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workplace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member" (
    "id" UUID NOT NULL,
    "member_number" TEXT,
    "user_id" UUID,
    "org_unit_id" UUID NOT NULL,
    "org_unit_path" TEXT NOT NULL,
    "needs_placement" BOOLEAN NOT NULL DEFAULT false,
    "status" "MemberStatus" NOT NULL DEFAULT 'APPLICANT',
    "name" TEXT NOT NULL,
    "search_name" TEXT NOT NULL,
    "search_grams" TEXT[],
    "sex" TEXT,
    "birth_date" DATE,
    "id_type" "IdDocumentType" NOT NULL DEFAULT 'RESIDENT_ID',
    "id_cipher" TEXT,
    "id_hash" TEXT,
    "id_last4" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "employer_id" UUID,
    "workplace_id" UUID,
    "job_title" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "consent_version" TEXT,
    "consent_at" TIMESTAMPTZ(3),
    "applied_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "joined_at" TIMESTAMPTZ(3),
    "merged_into_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member_status_change" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "member_id" UUID NOT NULL,
    "from_status" "MemberStatus",
    "to_status" "MemberStatus" NOT NULL,
    "action" TEXT NOT NULL,
    "reason" TEXT,
    "actor_type" TEXT NOT NULL,
    "actor_id" TEXT,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "member_status_change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "employer_credit_code_key" ON "employer"("credit_code");

-- CreateIndex
CREATE INDEX "employer_org_unit_id_idx" ON "employer"("org_unit_id");

-- CreateIndex
CREATE INDEX "employer_name_trgm_idx" ON "employer" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "workplace_employer_id_name_key" ON "workplace"("employer_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "member_member_number_key" ON "member"("member_number");

-- CreateIndex
CREATE UNIQUE INDEX "member_user_id_key" ON "member"("user_id");

-- CreateIndex
-- text_pattern_ops, so `org_unit_path LIKE 'prefix%'` uses the index under any collation (the
-- schema declares it without: see the note on OrgUnit.path).
CREATE INDEX "member_org_unit_path_name_id_idx" ON "member"("org_unit_path" text_pattern_ops, "name", "id");

-- CreateIndex
CREATE INDEX "member_id_hash_idx" ON "member"("id_hash");

-- CreateIndex
CREATE INDEX "member_phone_idx" ON "member"("phone");

-- CreateIndex
CREATE INDEX "member_email_idx" ON "member"("email");

-- CreateIndex
CREATE INDEX "member_employer_id_idx" ON "member"("employer_id");

-- CreateIndex
CREATE INDEX "member_name_birth_date_idx" ON "member"("name", "birth_date");

-- CreateIndex
CREATE INDEX "member_search_grams_idx" ON "member" USING GIN ("search_grams");

-- CreateIndex
CREATE INDEX "member_phone_trgm_idx" ON "member" USING GIN ("phone" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "member_number_trgm_idx" ON "member" USING GIN ("member_number" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "member_status_change_member_id_occurred_at_idx" ON "member_status_change"("member_id", "occurred_at");

-- AddForeignKey
ALTER TABLE "employer" ADD CONSTRAINT "employer_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workplace" ADD CONSTRAINT "workplace_employer_id_fkey" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member" ADD CONSTRAINT "member_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member" ADD CONSTRAINT "member_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member" ADD CONSTRAINT "member_employer_id_fkey" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member" ADD CONSTRAINT "member_workplace_id_fkey" FOREIGN KEY ("workplace_id") REFERENCES "workplace"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_status_change" ADD CONSTRAINT "member_status_change_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

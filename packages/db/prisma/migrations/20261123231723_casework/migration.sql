-- CreateEnum
CREATE TYPE "CaseKind" AS ENUM ('WORKPLACE_PROBLEM', 'LEGAL_CONSULTATION', 'MEDIATION', 'SUGGESTION');

-- CreateEnum
CREATE TYPE "WorkplaceTopic" AS ENUM ('WAGES_UNPAID', 'WORKING_HOURS', 'SAFETY', 'ENVIRONMENT', 'DISCRIMINATION', 'DISMISSAL', 'SOCIAL_INSURANCE', 'OTHER');

-- CreateEnum
CREATE TYPE "CaseOutcome" AS ENUM ('WON', 'SETTLED', 'LOST', 'WITHDRAWN', 'REFERRED');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "CaseChannel" AS ENUM ('MEMBER_APP', 'HOTLINE', 'OFFICER');

-- CreateTable
CREATE TABLE "case_type" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_unit_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "kinds" TEXT[],
    "stages" JSONB NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "case_type_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member_case" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "member_id" UUID NOT NULL,
    "org_unit_id" UUID NOT NULL,
    "org_unit_path" TEXT NOT NULL,
    "case_type_id" UUID NOT NULL,
    "kind" "CaseKind" NOT NULL,
    "topic" "WorkplaceTopic",
    "channel" "CaseChannel" NOT NULL,
    "title" TEXT NOT NULL,
    "narrative" TEXT,
    "narrative_cipher" TEXT,
    "employer_id" UUID,
    "stage" TEXT NOT NULL,
    "stage_entered_at" TIMESTAMPTZ(3) NOT NULL,
    "deadline" DATE,
    "extensions" JSONB NOT NULL DEFAULT '[]',
    "assignee_id" UUID,
    "confidential" BOOLEAN NOT NULL DEFAULT false,
    "share_name_with_employer" BOOLEAN NOT NULL DEFAULT false,
    "status" "CaseStatus" NOT NULL DEFAULT 'OPEN',
    "outcome" "CaseOutcome",
    "closing_note" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "callback_at" TIMESTAMPTZ(3),
    "rating" INTEGER,
    "rating_comment" TEXT,
    "rated_at" TIMESTAMPTZ(3),
    "reminded_for" DATE,
    "escalated_for" DATE,
    "created_by" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "member_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_watcher" (
    "case_id" UUID NOT NULL,
    "org_unit_id" UUID NOT NULL,
    "org_unit_path" TEXT NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_watcher_pkey" PRIMARY KEY ("case_id","org_unit_id")
);

-- CreateTable
CREATE TABLE "case_event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "case_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "member_visible" BOOLEAN NOT NULL,
    "actor_type" "AuditActorType" NOT NULL,
    "actor_id" TEXT,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_message" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "case_id" UUID NOT NULL,
    "from_member" BOOLEAN NOT NULL,
    "author_id" TEXT,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_note" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "case_id" UUID NOT NULL,
    "author_id" TEXT,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_attachment" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "storage_key" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "from_member" BOOLEAN NOT NULL,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_attachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "case_type_org_unit_id_code_key" ON "case_type"("org_unit_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "member_case_number_key" ON "member_case"("number");

-- CreateIndex
-- text_pattern_ops, so `org_unit_path LIKE 'prefix%'` uses the index under any collation (the
-- schema engine does not read operator classes back, so schema.prisma cannot say it).
CREATE INDEX "member_case_org_unit_path_status_created_at_id_idx" ON "member_case"("org_unit_path" text_pattern_ops, "status", "created_at", "id");

-- CreateIndex
CREATE INDEX "member_case_member_id_created_at_idx" ON "member_case"("member_id", "created_at");

-- CreateIndex
CREATE INDEX "member_case_status_deadline_idx" ON "member_case"("status", "deadline");

-- CreateIndex
CREATE INDEX "member_case_assignee_id_status_idx" ON "member_case"("assignee_id", "status");

-- CreateIndex
CREATE INDEX "member_case_employer_id_idx" ON "member_case"("employer_id");

-- CreateIndex
CREATE INDEX "case_watcher_org_unit_path_idx" ON "case_watcher"("org_unit_path" text_pattern_ops);

-- CreateIndex
CREATE INDEX "case_event_case_id_occurred_at_idx" ON "case_event"("case_id", "occurred_at");

-- CreateIndex
CREATE INDEX "case_event_member_id_occurred_at_id_idx" ON "case_event"("member_id", "occurred_at", "id");

-- CreateIndex
CREATE INDEX "case_message_case_id_created_at_idx" ON "case_message"("case_id", "created_at");

-- CreateIndex
CREATE INDEX "case_note_case_id_created_at_idx" ON "case_note"("case_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "case_attachment_storage_key_key" ON "case_attachment"("storage_key");

-- CreateIndex
CREATE INDEX "case_attachment_case_id_created_at_idx" ON "case_attachment"("case_id", "created_at");

-- AddForeignKey
ALTER TABLE "case_type" ADD CONSTRAINT "case_type_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_case" ADD CONSTRAINT "member_case_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_case" ADD CONSTRAINT "member_case_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_case" ADD CONSTRAINT "member_case_case_type_id_fkey" FOREIGN KEY ("case_type_id") REFERENCES "case_type"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_case" ADD CONSTRAINT "member_case_employer_id_fkey" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_case" ADD CONSTRAINT "member_case_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "auth_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_watcher" ADD CONSTRAINT "case_watcher_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "member_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_watcher" ADD CONSTRAINT "case_watcher_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "member_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_message" ADD CONSTRAINT "case_message_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "member_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_note" ADD CONSTRAINT "case_note_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "member_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_attachment" ADD CONSTRAINT "case_attachment_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "member_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

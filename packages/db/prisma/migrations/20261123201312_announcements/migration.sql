-- CreateEnum
CREATE TYPE "AnnouncementState" AS ENUM ('DRAFT', 'SCHEDULED', 'PUBLISHED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "AnnouncementAudience" AS ENUM ('UNIT', 'SEGMENT');

-- CreateEnum
CREATE TYPE "AttachmentKind" AS ENUM ('IMAGE', 'FILE');

-- CreateTable
CREATE TABLE "announcement" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_unit_id" UUID NOT NULL,
    "audience" "AnnouncementAudience" NOT NULL DEFAULT 'UNIT',
    "segment_id" UUID,
    "title" TEXT NOT NULL,
    "body_html" TEXT NOT NULL,
    "excerpt" TEXT NOT NULL,
    "state" "AnnouncementState" NOT NULL DEFAULT 'DRAFT',
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "publish_at" TIMESTAMPTZ(3),
    "published_at" TIMESTAMPTZ(3),
    "withdrawn_at" TIMESTAMPTZ(3),
    "recipient_count" INTEGER,
    "sent_at" TIMESTAMPTZ(3),
    "created_by" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "announcement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "announcement_attachment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "announcement_id" UUID NOT NULL,
    "kind" "AttachmentKind" NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "storage_key" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "announcement_attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "announcement_delivery" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "announcement_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "delivered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "opened_at" TIMESTAMPTZ(3),

    CONSTRAINT "announcement_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "announcement_org_unit_id_state_published_at_idx" ON "announcement"("org_unit_id", "state", "published_at");

-- CreateIndex
CREATE INDEX "announcement_created_at_id_idx" ON "announcement"("created_at", "id");

-- CreateIndex
CREATE INDEX "announcement_segment_id_idx" ON "announcement"("segment_id");

-- CreateIndex
CREATE UNIQUE INDEX "announcement_attachment_storage_key_key" ON "announcement_attachment"("storage_key");

-- CreateIndex
CREATE INDEX "announcement_attachment_announcement_id_created_at_idx" ON "announcement_attachment"("announcement_id", "created_at");

-- CreateIndex
CREATE INDEX "announcement_delivery_user_id_idx" ON "announcement_delivery"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "announcement_delivery_announcement_id_user_id_key" ON "announcement_delivery"("announcement_id", "user_id");

-- AddForeignKey
ALTER TABLE "announcement" ADD CONSTRAINT "announcement_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "announcement" ADD CONSTRAINT "announcement_segment_id_fkey" FOREIGN KEY ("segment_id") REFERENCES "member_segment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "announcement_attachment" ADD CONSTRAINT "announcement_attachment_announcement_id_fkey" FOREIGN KEY ("announcement_id") REFERENCES "announcement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "announcement_delivery" ADD CONSTRAINT "announcement_delivery_announcement_id_fkey" FOREIGN KEY ("announcement_id") REFERENCES "announcement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "announcement_delivery" ADD CONSTRAINT "announcement_delivery_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "member_segment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "filters" JSONB NOT NULL,
    "org_unit_id" UUID NOT NULL,
    "created_by" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "member_segment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "member_segment_org_unit_id_idx" ON "member_segment"("org_unit_id");

-- AddForeignKey
ALTER TABLE "member_segment" ADD CONSTRAINT "member_segment_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

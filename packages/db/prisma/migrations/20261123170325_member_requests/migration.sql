-- CreateEnum
CREATE TYPE "RequestState" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED');

-- AlterTable
ALTER TABLE "member" ADD COLUMN     "address" TEXT;

-- CreateTable
CREATE TABLE "member_change_request" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "member_id" UUID NOT NULL,
    "state" "RequestState" NOT NULL DEFAULT 'PENDING',
    "proposed" JSONB NOT NULL,
    "id_cipher" TEXT,
    "note" TEXT,
    "decision_reason" TEXT,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "member_change_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member_transfer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "member_id" UUID NOT NULL,
    "from_unit_id" UUID NOT NULL,
    "to_unit_id" UUID NOT NULL,
    "state" "RequestState" NOT NULL DEFAULT 'PENDING',
    "reason" TEXT,
    "decision_reason" TEXT,
    "requested_by" TEXT,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "member_transfer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "member_change_request_member_id_created_at_idx" ON "member_change_request"("member_id", "created_at");

-- CreateIndex
CREATE INDEX "member_change_request_state_idx" ON "member_change_request"("state");

-- CreateIndex
CREATE INDEX "member_transfer_member_id_created_at_idx" ON "member_transfer"("member_id", "created_at");

-- CreateIndex
CREATE INDEX "member_transfer_to_unit_id_state_idx" ON "member_transfer"("to_unit_id", "state");

-- AddForeignKey
ALTER TABLE "member_change_request" ADD CONSTRAINT "member_change_request_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_transfer" ADD CONSTRAINT "member_transfer_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_transfer" ADD CONSTRAINT "member_transfer_from_unit_id_fkey" FOREIGN KEY ("from_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_transfer" ADD CONSTRAINT "member_transfer_to_unit_id_fkey" FOREIGN KEY ("to_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateEnum
CREATE TYPE "EmploymentSource" AS ENUM ('APPLICATION', 'CHANGE_REQUEST', 'IMPORT', 'HR_FEED', 'OFFICER', 'MERGE');

-- CreateTable
CREATE TABLE "employment_record" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "member_id" UUID NOT NULL,
    "employer_id" UUID NOT NULL,
    "workplace_id" UUID,
    "job_title" TEXT,
    "started_on" DATE,
    "ended_on" DATE,
    "end_reason" TEXT,
    "source" "EmploymentSource" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "employment_record_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "employment_record_member_id_created_at_idx" ON "employment_record"("member_id", "created_at");

-- CreateIndex
CREATE INDEX "employment_record_employer_id_ended_on_idx" ON "employment_record"("employer_id", "ended_on");

-- AddForeignKey
ALTER TABLE "employment_record" ADD CONSTRAINT "employment_record_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employment_record" ADD CONSTRAINT "employment_record_employer_id_fkey" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employment_record" ADD CONSTRAINT "employment_record_workplace_id_fkey" FOREIGN KEY ("workplace_id") REFERENCES "workplace"("id") ON DELETE SET NULL ON UPDATE CASCADE;

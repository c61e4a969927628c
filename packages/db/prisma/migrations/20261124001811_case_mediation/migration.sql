-- CreateTable
CREATE TABLE "case_mediation" (
    "case_id" UUID NOT NULL,
    "member_side" TEXT,
    "employer_name" TEXT,
    "employer_contact" TEXT,
    "mediator_id" UUID,
    "agreement_no" INTEGER NOT NULL DEFAULT 0,
    "terms" TEXT,
    "back_wages" DECIMAL(12,2),
    "pay_by" DATE,
    "agreed_at" TIMESTAMPTZ(3),
    "honoured" BOOLEAN,
    "follow_up_note" TEXT,
    "follow_up_at" TIMESTAMPTZ(3),
    "escalated_for" INTEGER,
    "escalated_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "case_mediation_pkey" PRIMARY KEY ("case_id")
);

-- CreateTable
CREATE TABLE "mediation_session" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "case_id" UUID NOT NULL,
    "held_on" DATE NOT NULL,
    "place" TEXT NOT NULL,
    "attendees" TEXT[],
    "notes" TEXT NOT NULL,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mediation_session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "case_mediation_pay_by_idx" ON "case_mediation"("pay_by");

-- CreateIndex
CREATE INDEX "case_mediation_mediator_id_idx" ON "case_mediation"("mediator_id");

-- CreateIndex
CREATE INDEX "mediation_session_case_id_held_on_idx" ON "mediation_session"("case_id", "held_on");

-- AddForeignKey
ALTER TABLE "case_mediation" ADD CONSTRAINT "case_mediation_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "member_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_mediation" ADD CONSTRAINT "case_mediation_mediator_id_fkey" FOREIGN KEY ("mediator_id") REFERENCES "auth_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mediation_session" ADD CONSTRAINT "mediation_session_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case_mediation"("case_id") ON DELETE CASCADE ON UPDATE CASCADE;

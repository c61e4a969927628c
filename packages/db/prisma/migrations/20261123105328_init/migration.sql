-- Trigram indexes (fuzzy search) need pg_trgm. Prisma does not manage extensions here, so
-- this line is added by hand.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "OrgUnitKind" AS ENUM ('FEDERATION', 'UNION', 'BRANCH', 'GRASSROOTS');

-- CreateTable
CREATE TABLE "org_unit" (
    "id" UUID NOT NULL,
    "parent_id" UUID,
    "kind" "OrgUnitKind" NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "depth" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "org_unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_meta" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_meta_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "org_unit_code_key" ON "org_unit"("code");

-- CreateIndex
CREATE INDEX "org_unit_path_idx" ON "org_unit"("path" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "org_unit_parent_id_name_key" ON "org_unit"("parent_id", "name");

-- AddForeignKey
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "employment_record" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

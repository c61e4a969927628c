-- AlterTable
ALTER TABLE "notification_settings" ADD COLUMN     "digest" TEXT NOT NULL DEFAULT 'OFF',
ADD COLUMN     "last_digest_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "outbox_event" ADD COLUMN     "failed_handler" TEXT;

-- Events that failed before this column existed: the handler is the part of the message
-- before the first colon, as the console read it until now.
UPDATE "outbox_event" SET "failed_handler" = split_part("last_error", ':', 1)
 WHERE "last_error" IS NOT NULL;

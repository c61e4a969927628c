-- CreateIndex
CREATE INDEX "notification_key_idx" ON "notification"("key");

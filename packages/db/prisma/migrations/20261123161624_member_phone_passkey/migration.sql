-- AlterTable
ALTER TABLE "auth_user" ADD COLUMN     "phone_number" TEXT,
ADD COLUMN     "phone_number_verified" BOOLEAN;

-- CreateTable
CREATE TABLE "auth_passkey" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT,
    "public_key" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "credential_id" TEXT NOT NULL,
    "counter" INTEGER NOT NULL,
    "device_type" TEXT NOT NULL,
    "backed_up" BOOLEAN NOT NULL,
    "transports" TEXT,
    "created_at" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP,
    "aaguid" TEXT,

    CONSTRAINT "auth_passkey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "auth_passkey_credential_id_key" ON "auth_passkey"("credential_id");

-- CreateIndex
CREATE INDEX "auth_passkey_user_id_idx" ON "auth_passkey"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "auth_user_phone_number_key" ON "auth_user"("phone_number");

-- AddForeignKey
ALTER TABLE "auth_passkey" ADD CONSTRAINT "auth_passkey_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

import { MigrationInterface, QueryRunner } from "typeorm";

export class DraftBriefAndCredits1795272416525 implements MigrationInterface {
    name = 'DraftBriefAndCredits1795272416525'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "draft_credits" (
                "id" varchar PRIMARY KEY NOT NULL,
                "payment_id" varchar NOT NULL,
                "draft_id" varchar NOT NULL,
                "booking_id" varchar NOT NULL,
                "client_id" varchar NOT NULL,
                "amount_cents" integer NOT NULL,
                "currency" varchar(3) NOT NULL,
                "created_at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_draft_credits_payment" ON "draft_credits" ("payment_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_draft_credits_booking" ON "draft_credits" ("booking_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_draft_credits_client" ON "draft_credits" ("client_id")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_bookings_photographer_range"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_bookings_client"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_bookings" (
                "id" varchar PRIMARY KEY NOT NULL,
                "client_id" varchar NOT NULL,
                "photographer_id" varchar NOT NULL,
                "package_id" varchar NOT NULL,
                "status" varchar(32) NOT NULL,
                "starts_at" datetime NOT NULL,
                "ends_at" datetime NOT NULL,
                "blocked_from" datetime NOT NULL,
                "blocked_until" datetime NOT NULL,
                "hold_expires_at" datetime,
                "time_zone" varchar(64) NOT NULL,
                "price" text NOT NULL,
                "policy" text NOT NULL,
                "payment_provider" varchar(16) NOT NULL DEFAULT ('manual'),
                "payment_status" varchar(24) NOT NULL DEFAULT ('not_started'),
                "amount_paid_cents" integer NOT NULL DEFAULT (0),
                "notes" text,
                "draft_id" varchar,
                "brief" text,
                "sequence" integer NOT NULL DEFAULT (0),
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL,
                "amount_refunded_cents" integer NOT NULL DEFAULT (0),
                "pay_url" varchar(2000),
                "client_time_zone" varchar(64),
                "draft_variant_id" varchar,
                CONSTRAINT "FK_402873fd6596d556781ac5d8ae4" FOREIGN KEY ("package_id") REFERENCES "packages" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
                CONSTRAINT "FK_216b6aed4824016123642a1a991" FOREIGN KEY ("photographer_id") REFERENCES "photographer_profiles" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
                CONSTRAINT "FK_23096dca2f7a9d1505d0267d4c6" FOREIGN KEY ("client_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_bookings"(
                    "id",
                    "client_id",
                    "photographer_id",
                    "package_id",
                    "status",
                    "starts_at",
                    "ends_at",
                    "blocked_from",
                    "blocked_until",
                    "hold_expires_at",
                    "time_zone",
                    "price",
                    "policy",
                    "payment_provider",
                    "payment_status",
                    "amount_paid_cents",
                    "notes",
                    "draft_id",
                    "brief",
                    "sequence",
                    "created_at",
                    "updated_at",
                    "amount_refunded_cents",
                    "pay_url",
                    "client_time_zone"
                )
            SELECT "id",
                "client_id",
                "photographer_id",
                "package_id",
                "status",
                "starts_at",
                "ends_at",
                "blocked_from",
                "blocked_until",
                "hold_expires_at",
                "time_zone",
                "price",
                "policy",
                "payment_provider",
                "payment_status",
                "amount_paid_cents",
                "notes",
                "draft_id",
                "brief",
                "sequence",
                "created_at",
                "updated_at",
                "amount_refunded_cents",
                "pay_url",
                "client_time_zone"
            FROM "bookings"
        `);
        await queryRunner.query(`
            DROP TABLE "bookings"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_bookings"
                RENAME TO "bookings"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_bookings_photographer_range" ON "bookings" ("photographer_id", "blocked_from")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_bookings_client" ON "bookings" ("client_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "ix_bookings_client"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_bookings_photographer_range"
        `);
        await queryRunner.query(`
            ALTER TABLE "bookings"
                RENAME TO "temporary_bookings"
        `);
        await queryRunner.query(`
            CREATE TABLE "bookings" (
                "id" varchar PRIMARY KEY NOT NULL,
                "client_id" varchar NOT NULL,
                "photographer_id" varchar NOT NULL,
                "package_id" varchar NOT NULL,
                "status" varchar(32) NOT NULL,
                "starts_at" datetime NOT NULL,
                "ends_at" datetime NOT NULL,
                "blocked_from" datetime NOT NULL,
                "blocked_until" datetime NOT NULL,
                "hold_expires_at" datetime,
                "time_zone" varchar(64) NOT NULL,
                "price" text NOT NULL,
                "policy" text NOT NULL,
                "payment_provider" varchar(16) NOT NULL DEFAULT ('manual'),
                "payment_status" varchar(24) NOT NULL DEFAULT ('not_started'),
                "amount_paid_cents" integer NOT NULL DEFAULT (0),
                "notes" text,
                "draft_id" varchar,
                "brief" text,
                "sequence" integer NOT NULL DEFAULT (0),
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL,
                "amount_refunded_cents" integer NOT NULL DEFAULT (0),
                "pay_url" varchar(2000),
                "client_time_zone" varchar(64),
                CONSTRAINT "FK_402873fd6596d556781ac5d8ae4" FOREIGN KEY ("package_id") REFERENCES "packages" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
                CONSTRAINT "FK_216b6aed4824016123642a1a991" FOREIGN KEY ("photographer_id") REFERENCES "photographer_profiles" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
                CONSTRAINT "FK_23096dca2f7a9d1505d0267d4c6" FOREIGN KEY ("client_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "bookings"(
                    "id",
                    "client_id",
                    "photographer_id",
                    "package_id",
                    "status",
                    "starts_at",
                    "ends_at",
                    "blocked_from",
                    "blocked_until",
                    "hold_expires_at",
                    "time_zone",
                    "price",
                    "policy",
                    "payment_provider",
                    "payment_status",
                    "amount_paid_cents",
                    "notes",
                    "draft_id",
                    "brief",
                    "sequence",
                    "created_at",
                    "updated_at",
                    "amount_refunded_cents",
                    "pay_url",
                    "client_time_zone"
                )
            SELECT "id",
                "client_id",
                "photographer_id",
                "package_id",
                "status",
                "starts_at",
                "ends_at",
                "blocked_from",
                "blocked_until",
                "hold_expires_at",
                "time_zone",
                "price",
                "policy",
                "payment_provider",
                "payment_status",
                "amount_paid_cents",
                "notes",
                "draft_id",
                "brief",
                "sequence",
                "created_at",
                "updated_at",
                "amount_refunded_cents",
                "pay_url",
                "client_time_zone"
            FROM "temporary_bookings"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_bookings"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_bookings_client" ON "bookings" ("client_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_bookings_photographer_range" ON "bookings" ("photographer_id", "blocked_from")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_draft_credits_client"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_draft_credits_booking"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_draft_credits_payment"
        `);
        await queryRunner.query(`
            DROP TABLE "draft_credits"
        `);
    }

}

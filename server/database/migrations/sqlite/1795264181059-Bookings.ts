import { MigrationInterface, QueryRunner } from "typeorm";

export class Bookings1795264181059 implements MigrationInterface {
    name = 'Bookings1795264181059'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "id" varchar PRIMARY KEY NOT NULL,
                "subject_type" varchar(32) NOT NULL,
                "subject_id" varchar NOT NULL,
                "action" varchar(32) NOT NULL,
                "from_status" varchar(32),
                "to_status" varchar(32) NOT NULL,
                "actor_id" varchar,
                "actor_role" varchar(16) NOT NULL,
                "details" text,
                "at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_audit_events_subject" ON "audit_events" ("subject_type", "subject_id", "at")
        `);
        await queryRunner.query(`
            CREATE TABLE "photographer_profiles" (
                "id" varchar PRIMARY KEY NOT NULL,
                "user_id" varchar NOT NULL,
                "display_name" varchar(80) NOT NULL,
                "bio" text NOT NULL DEFAULT (''),
                "city" varchar(80) NOT NULL,
                "studio_address" varchar(200),
                "time_zone" varchar(64) NOT NULL,
                "styles" text NOT NULL,
                "approved" boolean NOT NULL DEFAULT (0),
                "published" boolean NOT NULL DEFAULT (0),
                "rating_count" integer NOT NULL DEFAULT (0),
                "rating_total" integer NOT NULL DEFAULT (0),
                "buffer_before_minutes" integer NOT NULL DEFAULT (0),
                "buffer_after_minutes" integer NOT NULL DEFAULT (0),
                "min_notice_minutes" integer NOT NULL DEFAULT (1440),
                "horizon_days" integer NOT NULL DEFAULT (60),
                "slot_step_minutes" integer NOT NULL DEFAULT (30),
                "booking_mode" varchar(16) NOT NULL DEFAULT ('instant'),
                "cancellation_tiers" text NOT NULL,
                "reschedule_cutoff_hours" integer NOT NULL DEFAULT (24),
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL,
                CONSTRAINT "REL_bd5465c00833067b0a7b2f10c9" UNIQUE ("user_id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_photographer_profiles_user" ON "photographer_profiles" ("user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_photographer_profiles_city" ON "photographer_profiles" ("city")
        `);
        await queryRunner.query(`
            CREATE TABLE "packages" (
                "id" varchar PRIMARY KEY NOT NULL,
                "photographer_id" varchar NOT NULL,
                "name" varchar(80) NOT NULL,
                "description" text NOT NULL DEFAULT (''),
                "duration_minutes" integer NOT NULL,
                "price_cents" integer NOT NULL,
                "currency" varchar(3) NOT NULL,
                "deposit_kind" varchar(10) NOT NULL,
                "deposit_value" integer NOT NULL,
                "included_images" integer NOT NULL,
                "extra_image_price_cents" integer NOT NULL,
                "delivery_days" integer NOT NULL,
                "location" varchar(16) NOT NULL,
                "travel_fee_cents" integer NOT NULL DEFAULT (0),
                "active" boolean NOT NULL DEFAULT (1),
                "archived_at" datetime,
                "created_at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_packages_photographer" ON "packages" ("photographer_id")
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
                "updated_at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_bookings_client" ON "bookings" ("client_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_bookings_photographer_range" ON "bookings" ("photographer_id", "blocked_from")
        `);
        await queryRunner.query(`
            CREATE TABLE "availability_overrides" (
                "id" varchar PRIMARY KEY NOT NULL,
                "photographer_id" varchar NOT NULL,
                "date" varchar(10) NOT NULL,
                "intervals" text NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_availability_overrides_date" ON "availability_overrides" ("photographer_id", "date")
        `);
        await queryRunner.query(`
            CREATE TABLE "availability_rules" (
                "id" varchar PRIMARY KEY NOT NULL,
                "photographer_id" varchar NOT NULL,
                "weekday" integer NOT NULL,
                "start_minute" integer NOT NULL,
                "end_minute" integer NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_availability_rules_photographer" ON "availability_rules" ("photographer_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "portfolio_images" (
                "id" varchar PRIMARY KEY NOT NULL,
                "photographer_id" varchar NOT NULL,
                "blob_key" varchar(200) NOT NULL,
                "thumb_key" varchar(200) NOT NULL,
                "width" integer NOT NULL,
                "height" integer NOT NULL,
                "caption" varchar(200) NOT NULL DEFAULT (''),
                "position" integer NOT NULL DEFAULT (0),
                "created_at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_portfolio_images_photographer" ON "portfolio_images" ("photographer_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "time_off" (
                "id" varchar PRIMARY KEY NOT NULL,
                "photographer_id" varchar NOT NULL,
                "start_date" varchar(10) NOT NULL,
                "end_date" varchar(10) NOT NULL,
                "note" varchar(200) NOT NULL DEFAULT (''),
                "created_at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_time_off_photographer" ON "time_off" ("photographer_id")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_photographer_profiles_user"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_photographer_profiles_city"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_photographer_profiles" (
                "id" varchar PRIMARY KEY NOT NULL,
                "user_id" varchar NOT NULL,
                "display_name" varchar(80) NOT NULL,
                "bio" text NOT NULL DEFAULT (''),
                "city" varchar(80) NOT NULL,
                "studio_address" varchar(200),
                "time_zone" varchar(64) NOT NULL,
                "styles" text NOT NULL,
                "approved" boolean NOT NULL DEFAULT (0),
                "published" boolean NOT NULL DEFAULT (0),
                "rating_count" integer NOT NULL DEFAULT (0),
                "rating_total" integer NOT NULL DEFAULT (0),
                "buffer_before_minutes" integer NOT NULL DEFAULT (0),
                "buffer_after_minutes" integer NOT NULL DEFAULT (0),
                "min_notice_minutes" integer NOT NULL DEFAULT (1440),
                "horizon_days" integer NOT NULL DEFAULT (60),
                "slot_step_minutes" integer NOT NULL DEFAULT (30),
                "booking_mode" varchar(16) NOT NULL DEFAULT ('instant'),
                "cancellation_tiers" text NOT NULL,
                "reschedule_cutoff_hours" integer NOT NULL DEFAULT (24),
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL,
                CONSTRAINT "REL_bd5465c00833067b0a7b2f10c9" UNIQUE ("user_id"),
                CONSTRAINT "FK_bd5465c00833067b0a7b2f10c9b" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_photographer_profiles"(
                    "id",
                    "user_id",
                    "display_name",
                    "bio",
                    "city",
                    "studio_address",
                    "time_zone",
                    "styles",
                    "approved",
                    "published",
                    "rating_count",
                    "rating_total",
                    "buffer_before_minutes",
                    "buffer_after_minutes",
                    "min_notice_minutes",
                    "horizon_days",
                    "slot_step_minutes",
                    "booking_mode",
                    "cancellation_tiers",
                    "reschedule_cutoff_hours",
                    "created_at",
                    "updated_at"
                )
            SELECT "id",
                "user_id",
                "display_name",
                "bio",
                "city",
                "studio_address",
                "time_zone",
                "styles",
                "approved",
                "published",
                "rating_count",
                "rating_total",
                "buffer_before_minutes",
                "buffer_after_minutes",
                "min_notice_minutes",
                "horizon_days",
                "slot_step_minutes",
                "booking_mode",
                "cancellation_tiers",
                "reschedule_cutoff_hours",
                "created_at",
                "updated_at"
            FROM "photographer_profiles"
        `);
        await queryRunner.query(`
            DROP TABLE "photographer_profiles"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_photographer_profiles"
                RENAME TO "photographer_profiles"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_photographer_profiles_user" ON "photographer_profiles" ("user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_photographer_profiles_city" ON "photographer_profiles" ("city")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_packages_photographer"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_packages" (
                "id" varchar PRIMARY KEY NOT NULL,
                "photographer_id" varchar NOT NULL,
                "name" varchar(80) NOT NULL,
                "description" text NOT NULL DEFAULT (''),
                "duration_minutes" integer NOT NULL,
                "price_cents" integer NOT NULL,
                "currency" varchar(3) NOT NULL,
                "deposit_kind" varchar(10) NOT NULL,
                "deposit_value" integer NOT NULL,
                "included_images" integer NOT NULL,
                "extra_image_price_cents" integer NOT NULL,
                "delivery_days" integer NOT NULL,
                "location" varchar(16) NOT NULL,
                "travel_fee_cents" integer NOT NULL DEFAULT (0),
                "active" boolean NOT NULL DEFAULT (1),
                "archived_at" datetime,
                "created_at" datetime NOT NULL,
                CONSTRAINT "FK_9792a3e03652bcd4998eb651735" FOREIGN KEY ("photographer_id") REFERENCES "photographer_profiles" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_packages"(
                    "id",
                    "photographer_id",
                    "name",
                    "description",
                    "duration_minutes",
                    "price_cents",
                    "currency",
                    "deposit_kind",
                    "deposit_value",
                    "included_images",
                    "extra_image_price_cents",
                    "delivery_days",
                    "location",
                    "travel_fee_cents",
                    "active",
                    "archived_at",
                    "created_at"
                )
            SELECT "id",
                "photographer_id",
                "name",
                "description",
                "duration_minutes",
                "price_cents",
                "currency",
                "deposit_kind",
                "deposit_value",
                "included_images",
                "extra_image_price_cents",
                "delivery_days",
                "location",
                "travel_fee_cents",
                "active",
                "archived_at",
                "created_at"
            FROM "packages"
        `);
        await queryRunner.query(`
            DROP TABLE "packages"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_packages"
                RENAME TO "packages"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_packages_photographer" ON "packages" ("photographer_id")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_bookings_client"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_bookings_photographer_range"
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
                CONSTRAINT "FK_23096dca2f7a9d1505d0267d4c6" FOREIGN KEY ("client_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
                CONSTRAINT "FK_216b6aed4824016123642a1a991" FOREIGN KEY ("photographer_id") REFERENCES "photographer_profiles" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
                CONSTRAINT "FK_402873fd6596d556781ac5d8ae4" FOREIGN KEY ("package_id") REFERENCES "packages" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION
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
                    "updated_at"
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
                "updated_at"
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
            CREATE INDEX "ix_bookings_client" ON "bookings" ("client_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_bookings_photographer_range" ON "bookings" ("photographer_id", "blocked_from")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_availability_overrides_date"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_availability_overrides" (
                "id" varchar PRIMARY KEY NOT NULL,
                "photographer_id" varchar NOT NULL,
                "date" varchar(10) NOT NULL,
                "intervals" text NOT NULL,
                CONSTRAINT "FK_35adf4a7d6f73178decd751f2d4" FOREIGN KEY ("photographer_id") REFERENCES "photographer_profiles" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_availability_overrides"("id", "photographer_id", "date", "intervals")
            SELECT "id",
                "photographer_id",
                "date",
                "intervals"
            FROM "availability_overrides"
        `);
        await queryRunner.query(`
            DROP TABLE "availability_overrides"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_availability_overrides"
                RENAME TO "availability_overrides"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_availability_overrides_date" ON "availability_overrides" ("photographer_id", "date")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_availability_rules_photographer"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_availability_rules" (
                "id" varchar PRIMARY KEY NOT NULL,
                "photographer_id" varchar NOT NULL,
                "weekday" integer NOT NULL,
                "start_minute" integer NOT NULL,
                "end_minute" integer NOT NULL,
                CONSTRAINT "FK_460c61baef5c96ed3f8332f9bb4" FOREIGN KEY ("photographer_id") REFERENCES "photographer_profiles" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_availability_rules"(
                    "id",
                    "photographer_id",
                    "weekday",
                    "start_minute",
                    "end_minute"
                )
            SELECT "id",
                "photographer_id",
                "weekday",
                "start_minute",
                "end_minute"
            FROM "availability_rules"
        `);
        await queryRunner.query(`
            DROP TABLE "availability_rules"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_availability_rules"
                RENAME TO "availability_rules"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_availability_rules_photographer" ON "availability_rules" ("photographer_id")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_portfolio_images_photographer"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_portfolio_images" (
                "id" varchar PRIMARY KEY NOT NULL,
                "photographer_id" varchar NOT NULL,
                "blob_key" varchar(200) NOT NULL,
                "thumb_key" varchar(200) NOT NULL,
                "width" integer NOT NULL,
                "height" integer NOT NULL,
                "caption" varchar(200) NOT NULL DEFAULT (''),
                "position" integer NOT NULL DEFAULT (0),
                "created_at" datetime NOT NULL,
                CONSTRAINT "FK_401827ae9d3f046ff2ac2ae666b" FOREIGN KEY ("photographer_id") REFERENCES "photographer_profiles" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_portfolio_images"(
                    "id",
                    "photographer_id",
                    "blob_key",
                    "thumb_key",
                    "width",
                    "height",
                    "caption",
                    "position",
                    "created_at"
                )
            SELECT "id",
                "photographer_id",
                "blob_key",
                "thumb_key",
                "width",
                "height",
                "caption",
                "position",
                "created_at"
            FROM "portfolio_images"
        `);
        await queryRunner.query(`
            DROP TABLE "portfolio_images"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_portfolio_images"
                RENAME TO "portfolio_images"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_portfolio_images_photographer" ON "portfolio_images" ("photographer_id")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_time_off_photographer"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_time_off" (
                "id" varchar PRIMARY KEY NOT NULL,
                "photographer_id" varchar NOT NULL,
                "start_date" varchar(10) NOT NULL,
                "end_date" varchar(10) NOT NULL,
                "note" varchar(200) NOT NULL DEFAULT (''),
                "created_at" datetime NOT NULL,
                CONSTRAINT "FK_02659ea82a86f157726f99b1dd0" FOREIGN KEY ("photographer_id") REFERENCES "photographer_profiles" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_time_off"(
                    "id",
                    "photographer_id",
                    "start_date",
                    "end_date",
                    "note",
                    "created_at"
                )
            SELECT "id",
                "photographer_id",
                "start_date",
                "end_date",
                "note",
                "created_at"
            FROM "time_off"
        `);
        await queryRunner.query(`
            DROP TABLE "time_off"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_time_off"
                RENAME TO "time_off"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_time_off_photographer" ON "time_off" ("photographer_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "ix_time_off_photographer"
        `);
        await queryRunner.query(`
            ALTER TABLE "time_off"
                RENAME TO "temporary_time_off"
        `);
        await queryRunner.query(`
            CREATE TABLE "time_off" (
                "id" varchar PRIMARY KEY NOT NULL,
                "photographer_id" varchar NOT NULL,
                "start_date" varchar(10) NOT NULL,
                "end_date" varchar(10) NOT NULL,
                "note" varchar(200) NOT NULL DEFAULT (''),
                "created_at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            INSERT INTO "time_off"(
                    "id",
                    "photographer_id",
                    "start_date",
                    "end_date",
                    "note",
                    "created_at"
                )
            SELECT "id",
                "photographer_id",
                "start_date",
                "end_date",
                "note",
                "created_at"
            FROM "temporary_time_off"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_time_off"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_time_off_photographer" ON "time_off" ("photographer_id")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_portfolio_images_photographer"
        `);
        await queryRunner.query(`
            ALTER TABLE "portfolio_images"
                RENAME TO "temporary_portfolio_images"
        `);
        await queryRunner.query(`
            CREATE TABLE "portfolio_images" (
                "id" varchar PRIMARY KEY NOT NULL,
                "photographer_id" varchar NOT NULL,
                "blob_key" varchar(200) NOT NULL,
                "thumb_key" varchar(200) NOT NULL,
                "width" integer NOT NULL,
                "height" integer NOT NULL,
                "caption" varchar(200) NOT NULL DEFAULT (''),
                "position" integer NOT NULL DEFAULT (0),
                "created_at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            INSERT INTO "portfolio_images"(
                    "id",
                    "photographer_id",
                    "blob_key",
                    "thumb_key",
                    "width",
                    "height",
                    "caption",
                    "position",
                    "created_at"
                )
            SELECT "id",
                "photographer_id",
                "blob_key",
                "thumb_key",
                "width",
                "height",
                "caption",
                "position",
                "created_at"
            FROM "temporary_portfolio_images"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_portfolio_images"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_portfolio_images_photographer" ON "portfolio_images" ("photographer_id")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_availability_rules_photographer"
        `);
        await queryRunner.query(`
            ALTER TABLE "availability_rules"
                RENAME TO "temporary_availability_rules"
        `);
        await queryRunner.query(`
            CREATE TABLE "availability_rules" (
                "id" varchar PRIMARY KEY NOT NULL,
                "photographer_id" varchar NOT NULL,
                "weekday" integer NOT NULL,
                "start_minute" integer NOT NULL,
                "end_minute" integer NOT NULL
            )
        `);
        await queryRunner.query(`
            INSERT INTO "availability_rules"(
                    "id",
                    "photographer_id",
                    "weekday",
                    "start_minute",
                    "end_minute"
                )
            SELECT "id",
                "photographer_id",
                "weekday",
                "start_minute",
                "end_minute"
            FROM "temporary_availability_rules"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_availability_rules"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_availability_rules_photographer" ON "availability_rules" ("photographer_id")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_availability_overrides_date"
        `);
        await queryRunner.query(`
            ALTER TABLE "availability_overrides"
                RENAME TO "temporary_availability_overrides"
        `);
        await queryRunner.query(`
            CREATE TABLE "availability_overrides" (
                "id" varchar PRIMARY KEY NOT NULL,
                "photographer_id" varchar NOT NULL,
                "date" varchar(10) NOT NULL,
                "intervals" text NOT NULL
            )
        `);
        await queryRunner.query(`
            INSERT INTO "availability_overrides"("id", "photographer_id", "date", "intervals")
            SELECT "id",
                "photographer_id",
                "date",
                "intervals"
            FROM "temporary_availability_overrides"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_availability_overrides"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_availability_overrides_date" ON "availability_overrides" ("photographer_id", "date")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_bookings_photographer_range"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_bookings_client"
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
                "updated_at" datetime NOT NULL
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
                    "updated_at"
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
                "updated_at"
            FROM "temporary_bookings"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_bookings"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_bookings_photographer_range" ON "bookings" ("photographer_id", "blocked_from")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_bookings_client" ON "bookings" ("client_id")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_packages_photographer"
        `);
        await queryRunner.query(`
            ALTER TABLE "packages"
                RENAME TO "temporary_packages"
        `);
        await queryRunner.query(`
            CREATE TABLE "packages" (
                "id" varchar PRIMARY KEY NOT NULL,
                "photographer_id" varchar NOT NULL,
                "name" varchar(80) NOT NULL,
                "description" text NOT NULL DEFAULT (''),
                "duration_minutes" integer NOT NULL,
                "price_cents" integer NOT NULL,
                "currency" varchar(3) NOT NULL,
                "deposit_kind" varchar(10) NOT NULL,
                "deposit_value" integer NOT NULL,
                "included_images" integer NOT NULL,
                "extra_image_price_cents" integer NOT NULL,
                "delivery_days" integer NOT NULL,
                "location" varchar(16) NOT NULL,
                "travel_fee_cents" integer NOT NULL DEFAULT (0),
                "active" boolean NOT NULL DEFAULT (1),
                "archived_at" datetime,
                "created_at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            INSERT INTO "packages"(
                    "id",
                    "photographer_id",
                    "name",
                    "description",
                    "duration_minutes",
                    "price_cents",
                    "currency",
                    "deposit_kind",
                    "deposit_value",
                    "included_images",
                    "extra_image_price_cents",
                    "delivery_days",
                    "location",
                    "travel_fee_cents",
                    "active",
                    "archived_at",
                    "created_at"
                )
            SELECT "id",
                "photographer_id",
                "name",
                "description",
                "duration_minutes",
                "price_cents",
                "currency",
                "deposit_kind",
                "deposit_value",
                "included_images",
                "extra_image_price_cents",
                "delivery_days",
                "location",
                "travel_fee_cents",
                "active",
                "archived_at",
                "created_at"
            FROM "temporary_packages"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_packages"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_packages_photographer" ON "packages" ("photographer_id")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_photographer_profiles_city"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_photographer_profiles_user"
        `);
        await queryRunner.query(`
            ALTER TABLE "photographer_profiles"
                RENAME TO "temporary_photographer_profiles"
        `);
        await queryRunner.query(`
            CREATE TABLE "photographer_profiles" (
                "id" varchar PRIMARY KEY NOT NULL,
                "user_id" varchar NOT NULL,
                "display_name" varchar(80) NOT NULL,
                "bio" text NOT NULL DEFAULT (''),
                "city" varchar(80) NOT NULL,
                "studio_address" varchar(200),
                "time_zone" varchar(64) NOT NULL,
                "styles" text NOT NULL,
                "approved" boolean NOT NULL DEFAULT (0),
                "published" boolean NOT NULL DEFAULT (0),
                "rating_count" integer NOT NULL DEFAULT (0),
                "rating_total" integer NOT NULL DEFAULT (0),
                "buffer_before_minutes" integer NOT NULL DEFAULT (0),
                "buffer_after_minutes" integer NOT NULL DEFAULT (0),
                "min_notice_minutes" integer NOT NULL DEFAULT (1440),
                "horizon_days" integer NOT NULL DEFAULT (60),
                "slot_step_minutes" integer NOT NULL DEFAULT (30),
                "booking_mode" varchar(16) NOT NULL DEFAULT ('instant'),
                "cancellation_tiers" text NOT NULL,
                "reschedule_cutoff_hours" integer NOT NULL DEFAULT (24),
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL,
                CONSTRAINT "REL_bd5465c00833067b0a7b2f10c9" UNIQUE ("user_id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "photographer_profiles"(
                    "id",
                    "user_id",
                    "display_name",
                    "bio",
                    "city",
                    "studio_address",
                    "time_zone",
                    "styles",
                    "approved",
                    "published",
                    "rating_count",
                    "rating_total",
                    "buffer_before_minutes",
                    "buffer_after_minutes",
                    "min_notice_minutes",
                    "horizon_days",
                    "slot_step_minutes",
                    "booking_mode",
                    "cancellation_tiers",
                    "reschedule_cutoff_hours",
                    "created_at",
                    "updated_at"
                )
            SELECT "id",
                "user_id",
                "display_name",
                "bio",
                "city",
                "studio_address",
                "time_zone",
                "styles",
                "approved",
                "published",
                "rating_count",
                "rating_total",
                "buffer_before_minutes",
                "buffer_after_minutes",
                "min_notice_minutes",
                "horizon_days",
                "slot_step_minutes",
                "booking_mode",
                "cancellation_tiers",
                "reschedule_cutoff_hours",
                "created_at",
                "updated_at"
            FROM "temporary_photographer_profiles"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_photographer_profiles"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_photographer_profiles_city" ON "photographer_profiles" ("city")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_photographer_profiles_user" ON "photographer_profiles" ("user_id")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_time_off_photographer"
        `);
        await queryRunner.query(`
            DROP TABLE "time_off"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_portfolio_images_photographer"
        `);
        await queryRunner.query(`
            DROP TABLE "portfolio_images"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_availability_rules_photographer"
        `);
        await queryRunner.query(`
            DROP TABLE "availability_rules"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_availability_overrides_date"
        `);
        await queryRunner.query(`
            DROP TABLE "availability_overrides"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_bookings_photographer_range"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_bookings_client"
        `);
        await queryRunner.query(`
            DROP TABLE "bookings"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_packages_photographer"
        `);
        await queryRunner.query(`
            DROP TABLE "packages"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_photographer_profiles_city"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_photographer_profiles_user"
        `);
        await queryRunner.query(`
            DROP TABLE "photographer_profiles"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_audit_events_subject"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
    }

}

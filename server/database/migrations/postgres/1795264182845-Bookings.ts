import { MigrationInterface, QueryRunner } from "typeorm";

export class Bookings1795264182845 implements MigrationInterface {
    name = 'Bookings1795264182845'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Hand-written: the no-overlap exclusion constraint on bookings compares a uuid with `=`
        // inside a GiST index, which needs btree_gist (a trusted extension since PostgreSQL 13).
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
        await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "id" uuid NOT NULL,
                "subject_type" character varying(32) NOT NULL,
                "subject_id" uuid NOT NULL,
                "action" character varying(32) NOT NULL,
                "from_status" character varying(32),
                "to_status" character varying(32) NOT NULL,
                "actor_id" uuid,
                "actor_role" character varying(16) NOT NULL,
                "details" text,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_audit_events_subject" ON "audit_events" ("subject_type", "subject_id", "at")
        `);
        await queryRunner.query(`
            CREATE TABLE "photographer_profiles" (
                "id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "display_name" character varying(80) NOT NULL,
                "bio" text NOT NULL DEFAULT '',
                "city" character varying(80) NOT NULL,
                "studio_address" character varying(200),
                "time_zone" character varying(64) NOT NULL,
                "styles" text NOT NULL,
                "approved" boolean NOT NULL DEFAULT false,
                "published" boolean NOT NULL DEFAULT false,
                "rating_count" integer NOT NULL DEFAULT '0',
                "rating_total" integer NOT NULL DEFAULT '0',
                "buffer_before_minutes" integer NOT NULL DEFAULT '0',
                "buffer_after_minutes" integer NOT NULL DEFAULT '0',
                "min_notice_minutes" integer NOT NULL DEFAULT '1440',
                "horizon_days" integer NOT NULL DEFAULT '60',
                "slot_step_minutes" integer NOT NULL DEFAULT '30',
                "booking_mode" character varying(16) NOT NULL DEFAULT 'instant',
                "cancellation_tiers" text NOT NULL,
                "reschedule_cutoff_hours" integer NOT NULL DEFAULT '24',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "REL_bd5465c00833067b0a7b2f10c9" UNIQUE ("user_id"),
                CONSTRAINT "PK_092565244905d812964ad92328f" PRIMARY KEY ("id")
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
                "id" uuid NOT NULL,
                "photographer_id" uuid NOT NULL,
                "name" character varying(80) NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "duration_minutes" integer NOT NULL,
                "price_cents" integer NOT NULL,
                "currency" character varying(3) NOT NULL,
                "deposit_kind" character varying(10) NOT NULL,
                "deposit_value" integer NOT NULL,
                "included_images" integer NOT NULL,
                "extra_image_price_cents" integer NOT NULL,
                "delivery_days" integer NOT NULL,
                "location" character varying(16) NOT NULL,
                "travel_fee_cents" integer NOT NULL DEFAULT '0',
                "active" boolean NOT NULL DEFAULT true,
                "archived_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_020801f620e21f943ead9311c98" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_packages_photographer" ON "packages" ("photographer_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "bookings" (
                "id" uuid NOT NULL,
                "client_id" uuid NOT NULL,
                "photographer_id" uuid NOT NULL,
                "package_id" uuid NOT NULL,
                "status" character varying(32) NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "blocked_from" TIMESTAMP WITH TIME ZONE NOT NULL,
                "blocked_until" TIMESTAMP WITH TIME ZONE NOT NULL,
                "hold_expires_at" TIMESTAMP WITH TIME ZONE,
                "time_zone" character varying(64) NOT NULL,
                "price" text NOT NULL,
                "policy" text NOT NULL,
                "payment_provider" character varying(16) NOT NULL DEFAULT 'manual',
                "payment_status" character varying(24) NOT NULL DEFAULT 'not_started',
                "amount_paid_cents" integer NOT NULL DEFAULT '0',
                "notes" text,
                "draft_id" uuid,
                "brief" text,
                "sequence" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "ex_bookings_no_overlap" EXCLUDE USING gist (
                    "photographer_id" WITH =,
                    tstzrange("blocked_from", "blocked_until") WITH &&
                )
                WHERE (
                        "status" IN ('held', 'requested', 'confirmed', 'rescheduled')
                    ),
                    CONSTRAINT "PK_bee6805982cc1e248e94ce94957" PRIMARY KEY ("id")
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
                "id" uuid NOT NULL,
                "photographer_id" uuid NOT NULL,
                "date" character varying(10) NOT NULL,
                "intervals" text NOT NULL,
                CONSTRAINT "PK_6538072d7a05f95e5c1444a10ba" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_availability_overrides_date" ON "availability_overrides" ("photographer_id", "date")
        `);
        await queryRunner.query(`
            CREATE TABLE "availability_rules" (
                "id" uuid NOT NULL,
                "photographer_id" uuid NOT NULL,
                "weekday" integer NOT NULL,
                "start_minute" integer NOT NULL,
                "end_minute" integer NOT NULL,
                CONSTRAINT "PK_37dd3738c54ba3243cca374c2a1" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_availability_rules_photographer" ON "availability_rules" ("photographer_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "portfolio_images" (
                "id" uuid NOT NULL,
                "photographer_id" uuid NOT NULL,
                "blob_key" character varying(200) NOT NULL,
                "thumb_key" character varying(200) NOT NULL,
                "width" integer NOT NULL,
                "height" integer NOT NULL,
                "caption" character varying(200) NOT NULL DEFAULT '',
                "position" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_4fb584b54f9368be1a6612a4e83" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_portfolio_images_photographer" ON "portfolio_images" ("photographer_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "time_off" (
                "id" uuid NOT NULL,
                "photographer_id" uuid NOT NULL,
                "start_date" character varying(10) NOT NULL,
                "end_date" character varying(10) NOT NULL,
                "note" character varying(200) NOT NULL DEFAULT '',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_e80a790cc96026d0f557a78f83d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_time_off_photographer" ON "time_off" ("photographer_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "photographer_profiles"
            ADD CONSTRAINT "FK_bd5465c00833067b0a7b2f10c9b" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "packages"
            ADD CONSTRAINT "FK_9792a3e03652bcd4998eb651735" FOREIGN KEY ("photographer_id") REFERENCES "photographer_profiles"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "bookings"
            ADD CONSTRAINT "FK_23096dca2f7a9d1505d0267d4c6" FOREIGN KEY ("client_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "bookings"
            ADD CONSTRAINT "FK_216b6aed4824016123642a1a991" FOREIGN KEY ("photographer_id") REFERENCES "photographer_profiles"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "bookings"
            ADD CONSTRAINT "FK_402873fd6596d556781ac5d8ae4" FOREIGN KEY ("package_id") REFERENCES "packages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "availability_overrides"
            ADD CONSTRAINT "FK_35adf4a7d6f73178decd751f2d4" FOREIGN KEY ("photographer_id") REFERENCES "photographer_profiles"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "availability_rules"
            ADD CONSTRAINT "FK_460c61baef5c96ed3f8332f9bb4" FOREIGN KEY ("photographer_id") REFERENCES "photographer_profiles"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "portfolio_images"
            ADD CONSTRAINT "FK_401827ae9d3f046ff2ac2ae666b" FOREIGN KEY ("photographer_id") REFERENCES "photographer_profiles"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "time_off"
            ADD CONSTRAINT "FK_02659ea82a86f157726f99b1dd0" FOREIGN KEY ("photographer_id") REFERENCES "photographer_profiles"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "time_off" DROP CONSTRAINT "FK_02659ea82a86f157726f99b1dd0"
        `);
        await queryRunner.query(`
            ALTER TABLE "portfolio_images" DROP CONSTRAINT "FK_401827ae9d3f046ff2ac2ae666b"
        `);
        await queryRunner.query(`
            ALTER TABLE "availability_rules" DROP CONSTRAINT "FK_460c61baef5c96ed3f8332f9bb4"
        `);
        await queryRunner.query(`
            ALTER TABLE "availability_overrides" DROP CONSTRAINT "FK_35adf4a7d6f73178decd751f2d4"
        `);
        await queryRunner.query(`
            ALTER TABLE "bookings" DROP CONSTRAINT "FK_402873fd6596d556781ac5d8ae4"
        `);
        await queryRunner.query(`
            ALTER TABLE "bookings" DROP CONSTRAINT "FK_216b6aed4824016123642a1a991"
        `);
        await queryRunner.query(`
            ALTER TABLE "bookings" DROP CONSTRAINT "FK_23096dca2f7a9d1505d0267d4c6"
        `);
        await queryRunner.query(`
            ALTER TABLE "packages" DROP CONSTRAINT "FK_9792a3e03652bcd4998eb651735"
        `);
        await queryRunner.query(`
            ALTER TABLE "photographer_profiles" DROP CONSTRAINT "FK_bd5465c00833067b0a7b2f10c9b"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_time_off_photographer"
        `);
        await queryRunner.query(`
            DROP TABLE "time_off"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_portfolio_images_photographer"
        `);
        await queryRunner.query(`
            DROP TABLE "portfolio_images"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_availability_rules_photographer"
        `);
        await queryRunner.query(`
            DROP TABLE "availability_rules"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_availability_overrides_date"
        `);
        await queryRunner.query(`
            DROP TABLE "availability_overrides"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_bookings_photographer_range"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_bookings_client"
        `);
        await queryRunner.query(`
            DROP TABLE "bookings"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_packages_photographer"
        `);
        await queryRunner.query(`
            DROP TABLE "packages"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_photographer_profiles_city"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_photographer_profiles_user"
        `);
        await queryRunner.query(`
            DROP TABLE "photographer_profiles"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_subject"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
    }

}

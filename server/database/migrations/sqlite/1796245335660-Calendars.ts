import { MigrationInterface, QueryRunner } from "typeorm";

export class Calendars1796245335660 implements MigrationInterface {
    name = 'Calendars1796245335660'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "calendars" (
                "id" varchar PRIMARY KEY NOT NULL,
                "user_id" varchar NOT NULL,
                "kind" varchar(16) NOT NULL,
                "url" varchar(2000) NOT NULL,
                "name" varchar(200) NOT NULL,
                "username" varchar(200),
                "password_sealed" text,
                "writes_bookings" boolean NOT NULL DEFAULT (0),
                "remote_state" text,
                "http_etag" varchar(300),
                "http_last_modified" varchar(100),
                "busy" text,
                "revision" integer NOT NULL DEFAULT (0),
                "event_count" integer NOT NULL DEFAULT (0),
                "skipped_count" integer NOT NULL DEFAULT (0),
                "last_synced_at" datetime,
                "last_attempt_at" datetime,
                "last_error_code" varchar(64),
                "last_error" text,
                "created_at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_calendars_user_url" ON "calendars" ("user_id", "url")
        `);
        await queryRunner.query(`
            CREATE TABLE "calendar_objects" (
                "calendar_id" varchar NOT NULL,
                "href" varchar(1000) NOT NULL,
                "etag" varchar(300),
                "data" text NOT NULL,
                PRIMARY KEY ("calendar_id", "href")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "calendar_writes" (
                "calendar_id" varchar NOT NULL,
                "booking_id" varchar NOT NULL,
                "href" varchar(1000) NOT NULL,
                "etag" varchar(300),
                "fingerprint" varchar(64) NOT NULL,
                PRIMARY KEY ("calendar_id", "booking_id")
            )
        `);
        await queryRunner.query(`
            DROP INDEX "uq_calendars_user_url"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_calendars" (
                "id" varchar PRIMARY KEY NOT NULL,
                "user_id" varchar NOT NULL,
                "kind" varchar(16) NOT NULL,
                "url" varchar(2000) NOT NULL,
                "name" varchar(200) NOT NULL,
                "username" varchar(200),
                "password_sealed" text,
                "writes_bookings" boolean NOT NULL DEFAULT (0),
                "remote_state" text,
                "http_etag" varchar(300),
                "http_last_modified" varchar(100),
                "busy" text,
                "revision" integer NOT NULL DEFAULT (0),
                "event_count" integer NOT NULL DEFAULT (0),
                "skipped_count" integer NOT NULL DEFAULT (0),
                "last_synced_at" datetime,
                "last_attempt_at" datetime,
                "last_error_code" varchar(64),
                "last_error" text,
                "created_at" datetime NOT NULL,
                CONSTRAINT "FK_baf8690eea3928bf4fe59c21414" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_calendars"(
                    "id",
                    "user_id",
                    "kind",
                    "url",
                    "name",
                    "username",
                    "password_sealed",
                    "writes_bookings",
                    "remote_state",
                    "http_etag",
                    "http_last_modified",
                    "busy",
                    "revision",
                    "event_count",
                    "skipped_count",
                    "last_synced_at",
                    "last_attempt_at",
                    "last_error_code",
                    "last_error",
                    "created_at"
                )
            SELECT "id",
                "user_id",
                "kind",
                "url",
                "name",
                "username",
                "password_sealed",
                "writes_bookings",
                "remote_state",
                "http_etag",
                "http_last_modified",
                "busy",
                "revision",
                "event_count",
                "skipped_count",
                "last_synced_at",
                "last_attempt_at",
                "last_error_code",
                "last_error",
                "created_at"
            FROM "calendars"
        `);
        await queryRunner.query(`
            DROP TABLE "calendars"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_calendars"
                RENAME TO "calendars"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_calendars_user_url" ON "calendars" ("user_id", "url")
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_calendar_objects" (
                "calendar_id" varchar NOT NULL,
                "href" varchar(1000) NOT NULL,
                "etag" varchar(300),
                "data" text NOT NULL,
                CONSTRAINT "FK_89ff9f9b2f154fd9aa951719b52" FOREIGN KEY ("calendar_id") REFERENCES "calendars" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                PRIMARY KEY ("calendar_id", "href")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_calendar_objects"("calendar_id", "href", "etag", "data")
            SELECT "calendar_id",
                "href",
                "etag",
                "data"
            FROM "calendar_objects"
        `);
        await queryRunner.query(`
            DROP TABLE "calendar_objects"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_calendar_objects"
                RENAME TO "calendar_objects"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_calendar_writes" (
                "calendar_id" varchar NOT NULL,
                "booking_id" varchar NOT NULL,
                "href" varchar(1000) NOT NULL,
                "etag" varchar(300),
                "fingerprint" varchar(64) NOT NULL,
                CONSTRAINT "FK_6cdd0c9b1fd5e290c3968e13707" FOREIGN KEY ("calendar_id") REFERENCES "calendars" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                PRIMARY KEY ("calendar_id", "booking_id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_calendar_writes"(
                    "calendar_id",
                    "booking_id",
                    "href",
                    "etag",
                    "fingerprint"
                )
            SELECT "calendar_id",
                "booking_id",
                "href",
                "etag",
                "fingerprint"
            FROM "calendar_writes"
        `);
        await queryRunner.query(`
            DROP TABLE "calendar_writes"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_calendar_writes"
                RENAME TO "calendar_writes"
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "calendar_writes"
                RENAME TO "temporary_calendar_writes"
        `);
        await queryRunner.query(`
            CREATE TABLE "calendar_writes" (
                "calendar_id" varchar NOT NULL,
                "booking_id" varchar NOT NULL,
                "href" varchar(1000) NOT NULL,
                "etag" varchar(300),
                "fingerprint" varchar(64) NOT NULL,
                PRIMARY KEY ("calendar_id", "booking_id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "calendar_writes"(
                    "calendar_id",
                    "booking_id",
                    "href",
                    "etag",
                    "fingerprint"
                )
            SELECT "calendar_id",
                "booking_id",
                "href",
                "etag",
                "fingerprint"
            FROM "temporary_calendar_writes"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_calendar_writes"
        `);
        await queryRunner.query(`
            ALTER TABLE "calendar_objects"
                RENAME TO "temporary_calendar_objects"
        `);
        await queryRunner.query(`
            CREATE TABLE "calendar_objects" (
                "calendar_id" varchar NOT NULL,
                "href" varchar(1000) NOT NULL,
                "etag" varchar(300),
                "data" text NOT NULL,
                PRIMARY KEY ("calendar_id", "href")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "calendar_objects"("calendar_id", "href", "etag", "data")
            SELECT "calendar_id",
                "href",
                "etag",
                "data"
            FROM "temporary_calendar_objects"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_calendar_objects"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_calendars_user_url"
        `);
        await queryRunner.query(`
            ALTER TABLE "calendars"
                RENAME TO "temporary_calendars"
        `);
        await queryRunner.query(`
            CREATE TABLE "calendars" (
                "id" varchar PRIMARY KEY NOT NULL,
                "user_id" varchar NOT NULL,
                "kind" varchar(16) NOT NULL,
                "url" varchar(2000) NOT NULL,
                "name" varchar(200) NOT NULL,
                "username" varchar(200),
                "password_sealed" text,
                "writes_bookings" boolean NOT NULL DEFAULT (0),
                "remote_state" text,
                "http_etag" varchar(300),
                "http_last_modified" varchar(100),
                "busy" text,
                "revision" integer NOT NULL DEFAULT (0),
                "event_count" integer NOT NULL DEFAULT (0),
                "skipped_count" integer NOT NULL DEFAULT (0),
                "last_synced_at" datetime,
                "last_attempt_at" datetime,
                "last_error_code" varchar(64),
                "last_error" text,
                "created_at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            INSERT INTO "calendars"(
                    "id",
                    "user_id",
                    "kind",
                    "url",
                    "name",
                    "username",
                    "password_sealed",
                    "writes_bookings",
                    "remote_state",
                    "http_etag",
                    "http_last_modified",
                    "busy",
                    "revision",
                    "event_count",
                    "skipped_count",
                    "last_synced_at",
                    "last_attempt_at",
                    "last_error_code",
                    "last_error",
                    "created_at"
                )
            SELECT "id",
                "user_id",
                "kind",
                "url",
                "name",
                "username",
                "password_sealed",
                "writes_bookings",
                "remote_state",
                "http_etag",
                "http_last_modified",
                "busy",
                "revision",
                "event_count",
                "skipped_count",
                "last_synced_at",
                "last_attempt_at",
                "last_error_code",
                "last_error",
                "created_at"
            FROM "temporary_calendars"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_calendars"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_calendars_user_url" ON "calendars" ("user_id", "url")
        `);
        await queryRunner.query(`
            DROP TABLE "calendar_writes"
        `);
        await queryRunner.query(`
            DROP TABLE "calendar_objects"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_calendars_user_url"
        `);
        await queryRunner.query(`
            DROP TABLE "calendars"
        `);
    }

}

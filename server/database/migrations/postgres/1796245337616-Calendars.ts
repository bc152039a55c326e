import { MigrationInterface, QueryRunner } from "typeorm";

export class Calendars1796245337616 implements MigrationInterface {
    name = 'Calendars1796245337616'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "calendars" (
                "id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "kind" character varying(16) NOT NULL,
                "url" character varying(2000) NOT NULL,
                "name" character varying(200) NOT NULL,
                "username" character varying(200),
                "password_sealed" text,
                "writes_bookings" boolean NOT NULL DEFAULT false,
                "remote_state" text,
                "http_etag" character varying(300),
                "http_last_modified" character varying(100),
                "busy" text,
                "revision" integer NOT NULL DEFAULT '0',
                "event_count" integer NOT NULL DEFAULT '0',
                "skipped_count" integer NOT NULL DEFAULT '0',
                "last_synced_at" TIMESTAMP WITH TIME ZONE,
                "last_attempt_at" TIMESTAMP WITH TIME ZONE,
                "last_error_code" character varying(64),
                "last_error" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_90dc0330e8ec9028e23c290dee8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_calendars_user_url" ON "calendars" ("user_id", "url")
        `);
        await queryRunner.query(`
            CREATE TABLE "calendar_objects" (
                "calendar_id" uuid NOT NULL,
                "href" character varying(1000) NOT NULL,
                "etag" character varying(300),
                "data" text NOT NULL,
                CONSTRAINT "PK_4a51c7d0623935b34d0a0edc5a7" PRIMARY KEY ("calendar_id", "href")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "calendar_writes" (
                "calendar_id" uuid NOT NULL,
                "booking_id" uuid NOT NULL,
                "href" character varying(1000) NOT NULL,
                "etag" character varying(300),
                "fingerprint" character varying(64) NOT NULL,
                CONSTRAINT "PK_060e8942f49c3b3ef4832f3db07" PRIMARY KEY ("calendar_id", "booking_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "calendars"
            ADD CONSTRAINT "FK_baf8690eea3928bf4fe59c21414" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "calendar_objects"
            ADD CONSTRAINT "FK_89ff9f9b2f154fd9aa951719b52" FOREIGN KEY ("calendar_id") REFERENCES "calendars"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "calendar_writes"
            ADD CONSTRAINT "FK_6cdd0c9b1fd5e290c3968e13707" FOREIGN KEY ("calendar_id") REFERENCES "calendars"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "calendar_writes" DROP CONSTRAINT "FK_6cdd0c9b1fd5e290c3968e13707"
        `);
        await queryRunner.query(`
            ALTER TABLE "calendar_objects" DROP CONSTRAINT "FK_89ff9f9b2f154fd9aa951719b52"
        `);
        await queryRunner.query(`
            ALTER TABLE "calendars" DROP CONSTRAINT "FK_baf8690eea3928bf4fe59c21414"
        `);
        await queryRunner.query(`
            DROP TABLE "calendar_writes"
        `);
        await queryRunner.query(`
            DROP TABLE "calendar_objects"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_calendars_user_url"
        `);
        await queryRunner.query(`
            DROP TABLE "calendars"
        `);
    }

}

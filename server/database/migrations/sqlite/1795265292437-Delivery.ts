import { MigrationInterface, QueryRunner } from "typeorm";

export class Delivery1795265292437 implements MigrationInterface {
    name = 'Delivery1795265292437'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "gallery_images" (
                "id" varchar PRIMARY KEY NOT NULL,
                "booking_id" varchar NOT NULL,
                "kind" varchar(8) NOT NULL,
                "proof_id" varchar,
                "file_name" varchar(200) NOT NULL,
                "original_key" varchar(200) NOT NULL,
                "preview_key" varchar(200) NOT NULL,
                "thumb_key" varchar(200) NOT NULL,
                "width" integer NOT NULL,
                "height" integer NOT NULL,
                "bytes" integer NOT NULL,
                "crc" integer NOT NULL,
                "selected" boolean NOT NULL DEFAULT (0),
                "created_at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_gallery_images_final_of_proof" ON "gallery_images" ("proof_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_gallery_images_booking" ON "gallery_images" ("booking_id", "kind", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "galleries" (
                "id" varchar PRIMARY KEY NOT NULL,
                "booking_id" varchar NOT NULL,
                "proofs_published_at" datetime,
                "selection_submitted_at" datetime,
                "extra_count" integer NOT NULL DEFAULT (0),
                "extra_amount_cents" integer NOT NULL DEFAULT (0),
                "extra_charge" varchar(24) NOT NULL DEFAULT ('none'),
                "checkout_url" text,
                "delivered_at" datetime,
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_galleries_booking" ON "galleries" ("booking_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "reviews" (
                "id" varchar PRIMARY KEY NOT NULL,
                "booking_id" varchar NOT NULL,
                "photographer_id" varchar NOT NULL,
                "client_id" varchar NOT NULL,
                "rating" integer NOT NULL,
                "text" text NOT NULL,
                "reply" text,
                "replied_at" datetime,
                "created_at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_reviews_booking" ON "reviews" ("booking_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_reviews_photographer" ON "reviews" ("photographer_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "outbox_messages" (
                "id" varchar PRIMARY KEY NOT NULL,
                "dedupe_key" varchar(200) NOT NULL,
                "booking_id" varchar,
                "kind" varchar(40) NOT NULL,
                "to_address" varchar(254) NOT NULL,
                "to_name" varchar(120) NOT NULL,
                "subject" varchar(200) NOT NULL,
                "text_body" text NOT NULL,
                "raw" text NOT NULL,
                "status" varchar(16) NOT NULL,
                "location" varchar(300),
                "attempts" integer NOT NULL DEFAULT (0),
                "last_error" text,
                "created_at" datetime NOT NULL,
                "sent_at" datetime
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_outbox_messages_dedupe" ON "outbox_messages" ("dedupe_key")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_outbox_messages_created" ON "outbox_messages" ("created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "scheduled_jobs" (
                "id" varchar PRIMARY KEY NOT NULL,
                "name" varchar(64) NOT NULL,
                "cursor_at" datetime,
                "cursor_id" varchar,
                "next_run_at" datetime NOT NULL,
                "locked_until" datetime,
                "last_run_at" datetime,
                "last_error" text
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_scheduled_jobs_name" ON "scheduled_jobs" ("name")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "uq_scheduled_jobs_name"
        `);
        await queryRunner.query(`
            DROP TABLE "scheduled_jobs"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_outbox_messages_created"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_outbox_messages_dedupe"
        `);
        await queryRunner.query(`
            DROP TABLE "outbox_messages"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_reviews_photographer"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_reviews_booking"
        `);
        await queryRunner.query(`
            DROP TABLE "reviews"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_galleries_booking"
        `);
        await queryRunner.query(`
            DROP TABLE "galleries"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_gallery_images_booking"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_gallery_images_final_of_proof"
        `);
        await queryRunner.query(`
            DROP TABLE "gallery_images"
        `);
    }

}

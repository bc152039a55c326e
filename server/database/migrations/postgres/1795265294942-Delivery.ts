import { MigrationInterface, QueryRunner } from "typeorm";

export class Delivery1795265294942 implements MigrationInterface {
    name = 'Delivery1795265294942'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "gallery_images" (
                "id" uuid NOT NULL,
                "booking_id" uuid NOT NULL,
                "kind" character varying(8) NOT NULL,
                "proof_id" uuid,
                "file_name" character varying(200) NOT NULL,
                "original_key" character varying(200) NOT NULL,
                "preview_key" character varying(200) NOT NULL,
                "thumb_key" character varying(200) NOT NULL,
                "width" integer NOT NULL,
                "height" integer NOT NULL,
                "bytes" integer NOT NULL,
                "crc" integer NOT NULL,
                "selected" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_9b1601c4bdad7456bb12636dd10" PRIMARY KEY ("id")
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
                "id" uuid NOT NULL,
                "booking_id" uuid NOT NULL,
                "proofs_published_at" TIMESTAMP WITH TIME ZONE,
                "selection_submitted_at" TIMESTAMP WITH TIME ZONE,
                "extra_count" integer NOT NULL DEFAULT '0',
                "extra_amount_cents" integer NOT NULL DEFAULT '0',
                "extra_charge" character varying(24) NOT NULL DEFAULT 'none',
                "checkout_url" text,
                "delivered_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_86b77299615c92db3d68c9c7919" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_galleries_booking" ON "galleries" ("booking_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "reviews" (
                "id" uuid NOT NULL,
                "booking_id" uuid NOT NULL,
                "photographer_id" uuid NOT NULL,
                "client_id" uuid NOT NULL,
                "rating" integer NOT NULL,
                "text" text NOT NULL,
                "reply" text,
                "replied_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_231ae565c273ee700b283f15c1d" PRIMARY KEY ("id")
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
                "id" uuid NOT NULL,
                "dedupe_key" character varying(200) NOT NULL,
                "booking_id" uuid,
                "kind" character varying(40) NOT NULL,
                "to_address" character varying(254) NOT NULL,
                "to_name" character varying(120) NOT NULL,
                "subject" character varying(200) NOT NULL,
                "text_body" text NOT NULL,
                "raw" text NOT NULL,
                "status" character varying(16) NOT NULL,
                "location" character varying(300),
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id")
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
                "id" uuid NOT NULL,
                "name" character varying(64) NOT NULL,
                "cursor_at" TIMESTAMP WITH TIME ZONE,
                "cursor_id" uuid,
                "next_run_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "last_run_at" TIMESTAMP WITH TIME ZONE,
                "last_error" text,
                CONSTRAINT "PK_119312a5470a95ee9c733a5246d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_scheduled_jobs_name" ON "scheduled_jobs" ("name")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."uq_scheduled_jobs_name"
        `);
        await queryRunner.query(`
            DROP TABLE "scheduled_jobs"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_outbox_messages_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_outbox_messages_dedupe"
        `);
        await queryRunner.query(`
            DROP TABLE "outbox_messages"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_reviews_photographer"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_reviews_booking"
        `);
        await queryRunner.query(`
            DROP TABLE "reviews"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_galleries_booking"
        `);
        await queryRunner.query(`
            DROP TABLE "galleries"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_gallery_images_booking"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_gallery_images_final_of_proof"
        `);
        await queryRunner.query(`
            DROP TABLE "gallery_images"
        `);
    }

}

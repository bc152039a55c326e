import { MigrationInterface, QueryRunner } from "typeorm";

export class Drafts1795264444347 implements MigrationInterface {
    name = 'Drafts1795264444347'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "drafts" (
                "id" varchar PRIMARY KEY NOT NULL,
                "owner_id" varchar NOT NULL,
                "status" varchar(20) NOT NULL,
                "stage" varchar(20) NOT NULL,
                "progress" integer NOT NULL DEFAULT (0),
                "gaze_preference" varchar(10) NOT NULL,
                "consent_notice_version" varchar(40) NOT NULL,
                "consent_accepted_at" datetime NOT NULL,
                "source_blob_key" varchar(200),
                "source_deleted_at" datetime,
                "working_blob_key" varchar(200),
                "mask_blob_key" varchar(200),
                "analysis" text,
                "report" text,
                "failure" text,
                "keep" boolean NOT NULL DEFAULT (0),
                "unlocked" boolean NOT NULL DEFAULT (0),
                "unlock_method" varchar(20),
                "expires_at" datetime NOT NULL,
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_drafts_owner" ON "drafts" ("owner_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_drafts_expires_at" ON "drafts" ("expires_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_drafts_created_at" ON "drafts" ("created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "draft_render_jobs" (
                "id" varchar PRIMARY KEY NOT NULL,
                "draft_id" varchar NOT NULL,
                "variant_id" varchar,
                "kind" varchar(20) NOT NULL,
                "status" varchar(20) NOT NULL,
                "attempts" integer NOT NULL DEFAULT (0),
                "error" varchar(500),
                "created_at" datetime NOT NULL,
                "started_at" datetime
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_draft_render_jobs_draft" ON "draft_render_jobs" ("draft_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_draft_render_jobs_status_created" ON "draft_render_jobs" ("status", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "draft_variants" (
                "id" varchar PRIMARY KEY NOT NULL,
                "draft_id" varchar NOT NULL,
                "style" varchar(20) NOT NULL,
                "params" text NOT NULL,
                "status" varchar(20) NOT NULL,
                "width" integer,
                "height" integer,
                "render_ms" integer,
                "preview_blob_key" varchar(200),
                "hd_blob_key" varchar(200),
                "before_blob_key" varchar(200),
                "texture_retained" real,
                "tight" boolean NOT NULL DEFAULT (0),
                "initial" boolean NOT NULL DEFAULT (0),
                "created_at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_draft_variants_draft" ON "draft_variants" ("draft_id")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_drafts_owner"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_drafts_expires_at"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_drafts_created_at"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_drafts" (
                "id" varchar PRIMARY KEY NOT NULL,
                "owner_id" varchar NOT NULL,
                "status" varchar(20) NOT NULL,
                "stage" varchar(20) NOT NULL,
                "progress" integer NOT NULL DEFAULT (0),
                "gaze_preference" varchar(10) NOT NULL,
                "consent_notice_version" varchar(40) NOT NULL,
                "consent_accepted_at" datetime NOT NULL,
                "source_blob_key" varchar(200),
                "source_deleted_at" datetime,
                "working_blob_key" varchar(200),
                "mask_blob_key" varchar(200),
                "analysis" text,
                "report" text,
                "failure" text,
                "keep" boolean NOT NULL DEFAULT (0),
                "unlocked" boolean NOT NULL DEFAULT (0),
                "unlock_method" varchar(20),
                "expires_at" datetime NOT NULL,
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL,
                CONSTRAINT "FK_92a8b9dffcbb4d7f4548224e60d" FOREIGN KEY ("owner_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_drafts"(
                    "id",
                    "owner_id",
                    "status",
                    "stage",
                    "progress",
                    "gaze_preference",
                    "consent_notice_version",
                    "consent_accepted_at",
                    "source_blob_key",
                    "source_deleted_at",
                    "working_blob_key",
                    "mask_blob_key",
                    "analysis",
                    "report",
                    "failure",
                    "keep",
                    "unlocked",
                    "unlock_method",
                    "expires_at",
                    "created_at",
                    "updated_at"
                )
            SELECT "id",
                "owner_id",
                "status",
                "stage",
                "progress",
                "gaze_preference",
                "consent_notice_version",
                "consent_accepted_at",
                "source_blob_key",
                "source_deleted_at",
                "working_blob_key",
                "mask_blob_key",
                "analysis",
                "report",
                "failure",
                "keep",
                "unlocked",
                "unlock_method",
                "expires_at",
                "created_at",
                "updated_at"
            FROM "drafts"
        `);
        await queryRunner.query(`
            DROP TABLE "drafts"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_drafts"
                RENAME TO "drafts"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_drafts_owner" ON "drafts" ("owner_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_drafts_expires_at" ON "drafts" ("expires_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_drafts_created_at" ON "drafts" ("created_at")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_draft_variants_draft"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_draft_variants" (
                "id" varchar PRIMARY KEY NOT NULL,
                "draft_id" varchar NOT NULL,
                "style" varchar(20) NOT NULL,
                "params" text NOT NULL,
                "status" varchar(20) NOT NULL,
                "width" integer,
                "height" integer,
                "render_ms" integer,
                "preview_blob_key" varchar(200),
                "hd_blob_key" varchar(200),
                "before_blob_key" varchar(200),
                "texture_retained" real,
                "tight" boolean NOT NULL DEFAULT (0),
                "initial" boolean NOT NULL DEFAULT (0),
                "created_at" datetime NOT NULL,
                CONSTRAINT "FK_045ae319e309cd4681f3db2ca03" FOREIGN KEY ("draft_id") REFERENCES "drafts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_draft_variants"(
                    "id",
                    "draft_id",
                    "style",
                    "params",
                    "status",
                    "width",
                    "height",
                    "render_ms",
                    "preview_blob_key",
                    "hd_blob_key",
                    "before_blob_key",
                    "texture_retained",
                    "tight",
                    "initial",
                    "created_at"
                )
            SELECT "id",
                "draft_id",
                "style",
                "params",
                "status",
                "width",
                "height",
                "render_ms",
                "preview_blob_key",
                "hd_blob_key",
                "before_blob_key",
                "texture_retained",
                "tight",
                "initial",
                "created_at"
            FROM "draft_variants"
        `);
        await queryRunner.query(`
            DROP TABLE "draft_variants"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_draft_variants"
                RENAME TO "draft_variants"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_draft_variants_draft" ON "draft_variants" ("draft_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "ix_draft_variants_draft"
        `);
        await queryRunner.query(`
            ALTER TABLE "draft_variants"
                RENAME TO "temporary_draft_variants"
        `);
        await queryRunner.query(`
            CREATE TABLE "draft_variants" (
                "id" varchar PRIMARY KEY NOT NULL,
                "draft_id" varchar NOT NULL,
                "style" varchar(20) NOT NULL,
                "params" text NOT NULL,
                "status" varchar(20) NOT NULL,
                "width" integer,
                "height" integer,
                "render_ms" integer,
                "preview_blob_key" varchar(200),
                "hd_blob_key" varchar(200),
                "before_blob_key" varchar(200),
                "texture_retained" real,
                "tight" boolean NOT NULL DEFAULT (0),
                "initial" boolean NOT NULL DEFAULT (0),
                "created_at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            INSERT INTO "draft_variants"(
                    "id",
                    "draft_id",
                    "style",
                    "params",
                    "status",
                    "width",
                    "height",
                    "render_ms",
                    "preview_blob_key",
                    "hd_blob_key",
                    "before_blob_key",
                    "texture_retained",
                    "tight",
                    "initial",
                    "created_at"
                )
            SELECT "id",
                "draft_id",
                "style",
                "params",
                "status",
                "width",
                "height",
                "render_ms",
                "preview_blob_key",
                "hd_blob_key",
                "before_blob_key",
                "texture_retained",
                "tight",
                "initial",
                "created_at"
            FROM "temporary_draft_variants"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_draft_variants"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_draft_variants_draft" ON "draft_variants" ("draft_id")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_drafts_created_at"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_drafts_expires_at"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_drafts_owner"
        `);
        await queryRunner.query(`
            ALTER TABLE "drafts"
                RENAME TO "temporary_drafts"
        `);
        await queryRunner.query(`
            CREATE TABLE "drafts" (
                "id" varchar PRIMARY KEY NOT NULL,
                "owner_id" varchar NOT NULL,
                "status" varchar(20) NOT NULL,
                "stage" varchar(20) NOT NULL,
                "progress" integer NOT NULL DEFAULT (0),
                "gaze_preference" varchar(10) NOT NULL,
                "consent_notice_version" varchar(40) NOT NULL,
                "consent_accepted_at" datetime NOT NULL,
                "source_blob_key" varchar(200),
                "source_deleted_at" datetime,
                "working_blob_key" varchar(200),
                "mask_blob_key" varchar(200),
                "analysis" text,
                "report" text,
                "failure" text,
                "keep" boolean NOT NULL DEFAULT (0),
                "unlocked" boolean NOT NULL DEFAULT (0),
                "unlock_method" varchar(20),
                "expires_at" datetime NOT NULL,
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            INSERT INTO "drafts"(
                    "id",
                    "owner_id",
                    "status",
                    "stage",
                    "progress",
                    "gaze_preference",
                    "consent_notice_version",
                    "consent_accepted_at",
                    "source_blob_key",
                    "source_deleted_at",
                    "working_blob_key",
                    "mask_blob_key",
                    "analysis",
                    "report",
                    "failure",
                    "keep",
                    "unlocked",
                    "unlock_method",
                    "expires_at",
                    "created_at",
                    "updated_at"
                )
            SELECT "id",
                "owner_id",
                "status",
                "stage",
                "progress",
                "gaze_preference",
                "consent_notice_version",
                "consent_accepted_at",
                "source_blob_key",
                "source_deleted_at",
                "working_blob_key",
                "mask_blob_key",
                "analysis",
                "report",
                "failure",
                "keep",
                "unlocked",
                "unlock_method",
                "expires_at",
                "created_at",
                "updated_at"
            FROM "temporary_drafts"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_drafts"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_drafts_created_at" ON "drafts" ("created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_drafts_expires_at" ON "drafts" ("expires_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_drafts_owner" ON "drafts" ("owner_id")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_draft_variants_draft"
        `);
        await queryRunner.query(`
            DROP TABLE "draft_variants"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_draft_render_jobs_status_created"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_draft_render_jobs_draft"
        `);
        await queryRunner.query(`
            DROP TABLE "draft_render_jobs"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_drafts_created_at"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_drafts_expires_at"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_drafts_owner"
        `);
        await queryRunner.query(`
            DROP TABLE "drafts"
        `);
    }

}

import { MigrationInterface, QueryRunner } from "typeorm";

export class DraftChosenVariant1796175056053 implements MigrationInterface {
    name = 'DraftChosenVariant1796175056053'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "draft_usage" (
                "id" varchar PRIMARY KEY NOT NULL,
                "owner_id" varchar NOT NULL,
                "kind" varchar(20) NOT NULL,
                "at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_draft_usage_owner_kind_at" ON "draft_usage" ("owner_id", "kind", "at")
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
                "ready_ms" integer,
                "chosen_variant_id" varchar,
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
                    "updated_at",
                    "ready_ms"
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
                "updated_at",
                "ready_ms"
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
            CREATE INDEX "ix_drafts_created_at" ON "drafts" ("created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_drafts_expires_at" ON "drafts" ("expires_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_drafts_owner" ON "drafts" ("owner_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
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
                "updated_at" datetime NOT NULL,
                "ready_ms" integer,
                CONSTRAINT "FK_92a8b9dffcbb4d7f4548224e60d" FOREIGN KEY ("owner_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
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
                    "updated_at",
                    "ready_ms"
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
                "updated_at",
                "ready_ms"
            FROM "temporary_drafts"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_drafts"
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
            DROP INDEX "ix_draft_usage_owner_kind_at"
        `);
        await queryRunner.query(`
            DROP TABLE "draft_usage"
        `);
    }

}

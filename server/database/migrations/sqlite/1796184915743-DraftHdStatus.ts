import { MigrationInterface, QueryRunner } from "typeorm";

export class DraftHdStatus1796184915743 implements MigrationInterface {
    name = 'DraftHdStatus1796184915743'

    public async up(queryRunner: QueryRunner): Promise<void> {
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
                "hd_status" varchar(20) NOT NULL DEFAULT ('none'),
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
        // Variants rendered before HD images waited for an unlock already have theirs.
        await queryRunner.query(`UPDATE "draft_variants" SET "hd_status" = 'ready' WHERE "hd_blob_key" IS NOT NULL`);
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
                "created_at" datetime NOT NULL,
                CONSTRAINT "FK_045ae319e309cd4681f3db2ca03" FOREIGN KEY ("draft_id") REFERENCES "drafts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
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
    }

}

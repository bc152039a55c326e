import { MigrationInterface, QueryRunner } from "typeorm";

export class Drafts1795264445968 implements MigrationInterface {
    name = 'Drafts1795264445968'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "drafts" (
                "id" uuid NOT NULL,
                "owner_id" uuid NOT NULL,
                "status" character varying(20) NOT NULL,
                "stage" character varying(20) NOT NULL,
                "progress" integer NOT NULL DEFAULT '0',
                "gaze_preference" character varying(10) NOT NULL,
                "consent_notice_version" character varying(40) NOT NULL,
                "consent_accepted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "source_blob_key" character varying(200),
                "source_deleted_at" TIMESTAMP WITH TIME ZONE,
                "working_blob_key" character varying(200),
                "mask_blob_key" character varying(200),
                "analysis" text,
                "report" text,
                "failure" text,
                "keep" boolean NOT NULL DEFAULT false,
                "unlocked" boolean NOT NULL DEFAULT false,
                "unlock_method" character varying(20),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_0598e229012c6cbd4ccbba97328" PRIMARY KEY ("id")
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
                "id" uuid NOT NULL,
                "draft_id" uuid NOT NULL,
                "variant_id" uuid,
                "kind" character varying(20) NOT NULL,
                "status" character varying(20) NOT NULL,
                "attempts" integer NOT NULL DEFAULT '0',
                "error" character varying(500),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_877464f5dd91231d07648880d3b" PRIMARY KEY ("id")
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
                "id" uuid NOT NULL,
                "draft_id" uuid NOT NULL,
                "style" character varying(20) NOT NULL,
                "params" text NOT NULL,
                "status" character varying(20) NOT NULL,
                "width" integer,
                "height" integer,
                "render_ms" integer,
                "preview_blob_key" character varying(200),
                "hd_blob_key" character varying(200),
                "before_blob_key" character varying(200),
                "texture_retained" real,
                "tight" boolean NOT NULL DEFAULT false,
                "initial" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_d17c47a71dc1538611c0229e630" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_draft_variants_draft" ON "draft_variants" ("draft_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "drafts"
            ADD CONSTRAINT "FK_92a8b9dffcbb4d7f4548224e60d" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "draft_variants"
            ADD CONSTRAINT "FK_045ae319e309cd4681f3db2ca03" FOREIGN KEY ("draft_id") REFERENCES "drafts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "draft_variants" DROP CONSTRAINT "FK_045ae319e309cd4681f3db2ca03"
        `);
        await queryRunner.query(`
            ALTER TABLE "drafts" DROP CONSTRAINT "FK_92a8b9dffcbb4d7f4548224e60d"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_draft_variants_draft"
        `);
        await queryRunner.query(`
            DROP TABLE "draft_variants"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_draft_render_jobs_status_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_draft_render_jobs_draft"
        `);
        await queryRunner.query(`
            DROP TABLE "draft_render_jobs"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_drafts_created_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_drafts_expires_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_drafts_owner"
        `);
        await queryRunner.query(`
            DROP TABLE "drafts"
        `);
    }

}

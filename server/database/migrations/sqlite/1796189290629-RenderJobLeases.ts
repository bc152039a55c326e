import { MigrationInterface, QueryRunner } from "typeorm";

export class RenderJobLeases1796189290629 implements MigrationInterface {
    name = 'RenderJobLeases1796189290629'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "ix_draft_render_jobs_status_created"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_draft_render_jobs_draft"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_draft_render_jobs" (
                "id" varchar PRIMARY KEY NOT NULL,
                "draft_id" varchar NOT NULL,
                "variant_id" varchar,
                "kind" varchar(20) NOT NULL,
                "status" varchar(20) NOT NULL,
                "attempts" integer NOT NULL DEFAULT (0),
                "error" varchar(500),
                "created_at" datetime NOT NULL,
                "started_at" datetime,
                "lease_owner" varchar(64),
                "lease_until" datetime
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_draft_render_jobs"(
                    "id",
                    "draft_id",
                    "variant_id",
                    "kind",
                    "status",
                    "attempts",
                    "error",
                    "created_at",
                    "started_at"
                )
            SELECT "id",
                "draft_id",
                "variant_id",
                "kind",
                "status",
                "attempts",
                "error",
                "created_at",
                "started_at"
            FROM "draft_render_jobs"
        `);
        await queryRunner.query(`
            DROP TABLE "draft_render_jobs"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_draft_render_jobs"
                RENAME TO "draft_render_jobs"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_draft_render_jobs_status_created" ON "draft_render_jobs" ("status", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_draft_render_jobs_draft" ON "draft_render_jobs" ("draft_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "ix_draft_render_jobs_draft"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_draft_render_jobs_status_created"
        `);
        await queryRunner.query(`
            ALTER TABLE "draft_render_jobs"
                RENAME TO "temporary_draft_render_jobs"
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
            INSERT INTO "draft_render_jobs"(
                    "id",
                    "draft_id",
                    "variant_id",
                    "kind",
                    "status",
                    "attempts",
                    "error",
                    "created_at",
                    "started_at"
                )
            SELECT "id",
                "draft_id",
                "variant_id",
                "kind",
                "status",
                "attempts",
                "error",
                "created_at",
                "started_at"
            FROM "temporary_draft_render_jobs"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_draft_render_jobs"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_draft_render_jobs_draft" ON "draft_render_jobs" ("draft_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_draft_render_jobs_status_created" ON "draft_render_jobs" ("status", "created_at")
        `);
    }

}

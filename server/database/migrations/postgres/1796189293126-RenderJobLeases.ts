import { MigrationInterface, QueryRunner } from "typeorm";

export class RenderJobLeases1796189293126 implements MigrationInterface {
    name = 'RenderJobLeases1796189293126'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "draft_render_jobs"
            ADD "lease_owner" character varying(64)
        `);
        await queryRunner.query(`
            ALTER TABLE "draft_render_jobs"
            ADD "lease_until" TIMESTAMP WITH TIME ZONE
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "draft_render_jobs" DROP COLUMN "lease_until"
        `);
        await queryRunner.query(`
            ALTER TABLE "draft_render_jobs" DROP COLUMN "lease_owner"
        `);
    }

}

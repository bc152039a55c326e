import { MigrationInterface, QueryRunner } from "typeorm";

export class DraftHdStatus1796184917564 implements MigrationInterface {
    name = 'DraftHdStatus1796184917564'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "draft_variants"
            ADD "hd_status" character varying(20) NOT NULL DEFAULT 'none'
        `);
        // Variants rendered before HD images waited for an unlock already have theirs.
        await queryRunner.query(`UPDATE "draft_variants" SET "hd_status" = 'ready' WHERE "hd_blob_key" IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "draft_variants" DROP COLUMN "hd_status"
        `);
    }

}

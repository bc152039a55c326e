import { MigrationInterface, QueryRunner } from "typeorm";

export class DraftReadyTime1795270000001 implements MigrationInterface {
    name = 'DraftReadyTime1795270000001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "drafts"
            ADD "ready_ms" integer
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "drafts" DROP COLUMN "ready_ms"
        `);
    }

}

import { MigrationInterface, QueryRunner } from "typeorm";

export class ClientTimeZone1795268435327 implements MigrationInterface {
    name = 'ClientTimeZone1795268435327'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "bookings"
            ADD "client_time_zone" character varying(64)
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "bookings" DROP COLUMN "client_time_zone"
        `);
    }

}

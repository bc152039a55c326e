import { MigrationInterface, QueryRunner } from "typeorm";

export class BookingPayments1795265891819 implements MigrationInterface {
    name = 'BookingPayments1795265891819'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "bookings"
            ADD "amount_refunded_cents" integer NOT NULL DEFAULT '0'
        `);
        await queryRunner.query(`
            ALTER TABLE "bookings"
            ADD "pay_url" character varying(2000)
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "bookings" DROP COLUMN "pay_url"
        `);
        await queryRunner.query(`
            ALTER TABLE "bookings" DROP COLUMN "amount_refunded_cents"
        `);
    }

}

import { MigrationInterface, QueryRunner } from "typeorm";

export class Payments1795264225127 implements MigrationInterface {
    name = 'Payments1795264225127'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "payout_accounts" (
                "id" varchar PRIMARY KEY NOT NULL,
                "user_id" varchar NOT NULL,
                "provider_account_id" varchar(255) NOT NULL,
                "status" varchar(20) NOT NULL,
                "payouts_enabled" boolean NOT NULL DEFAULT (0),
                "updated_at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_payout_accounts_user" ON "payout_accounts" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_payout_accounts_provider_account" ON "payout_accounts" ("provider_account_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "processed_webhook_events" (
                "event_id" varchar(255) PRIMARY KEY NOT NULL,
                "type" varchar(100) NOT NULL,
                "processed_at" datetime NOT NULL
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "processed_webhook_events"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_payout_accounts_provider_account"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_payout_accounts_user"
        `);
        await queryRunner.query(`
            DROP TABLE "payout_accounts"
        `);
    }

}

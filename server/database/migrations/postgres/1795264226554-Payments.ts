import { MigrationInterface, QueryRunner } from "typeorm";

export class Payments1795264226554 implements MigrationInterface {
    name = 'Payments1795264226554'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "payout_accounts" (
                "id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "provider_account_id" character varying(255) NOT NULL,
                "status" character varying(20) NOT NULL,
                "payouts_enabled" boolean NOT NULL DEFAULT false,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_79642d5304997f09e3dfc6084d1" PRIMARY KEY ("id")
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
                "event_id" character varying(255) NOT NULL,
                "type" character varying(100) NOT NULL,
                "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_3370770d472af629203588a298b" PRIMARY KEY ("event_id")
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "processed_webhook_events"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_payout_accounts_provider_account"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_payout_accounts_user"
        `);
        await queryRunner.query(`
            DROP TABLE "payout_accounts"
        `);
    }

}

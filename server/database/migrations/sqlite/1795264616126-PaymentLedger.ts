import { MigrationInterface, QueryRunner } from "typeorm";

export class PaymentLedger1795264616126 implements MigrationInterface {
    name = 'PaymentLedger1795264616126'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "ledger_entries" (
                "id" varchar PRIMARY KEY NOT NULL,
                "purpose" varchar(20) NOT NULL,
                "reference_id" varchar NOT NULL,
                "payment_id" varchar,
                "type" varchar(20) NOT NULL,
                "amount_cents" integer NOT NULL,
                "currency" varchar(3) NOT NULL,
                "provider_ref" varchar(255),
                "idempotency_key" varchar(200) NOT NULL,
                "note" varchar(500),
                "created_at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_ledger_idempotency_key" ON "ledger_entries" ("idempotency_key")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_ledger_reference" ON "ledger_entries" ("purpose", "reference_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "payments" (
                "id" varchar PRIMARY KEY NOT NULL,
                "purpose" varchar(20) NOT NULL,
                "reference_id" varchar NOT NULL,
                "payer_id" varchar NOT NULL,
                "kind" varchar(20) NOT NULL,
                "provider" varchar(10) NOT NULL,
                "amount_cents" integer NOT NULL,
                "refunded_cents" integer NOT NULL DEFAULT (0),
                "currency" varchar(3) NOT NULL,
                "status" varchar(20) NOT NULL,
                "idempotency_key" varchar(200) NOT NULL,
                "checkout_session_id" varchar(255),
                "checkout_url" varchar(2000),
                "payment_intent_id" varchar(255),
                "customer_ref" varchar(255),
                "transfer_group" varchar(255),
                "expires_at" datetime,
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_payments_payer" ON "payments" ("payer_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_payments_idempotency_key" ON "payments" ("idempotency_key")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_payments_checkout_session" ON "payments" ("checkout_session_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_payments_reference" ON "payments" ("purpose", "reference_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "ix_payments_reference"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_payments_checkout_session"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_payments_idempotency_key"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_payments_payer"
        `);
        await queryRunner.query(`
            DROP TABLE "payments"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_ledger_reference"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_ledger_idempotency_key"
        `);
        await queryRunner.query(`
            DROP TABLE "ledger_entries"
        `);
    }

}

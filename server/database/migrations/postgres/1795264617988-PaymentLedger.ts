import { MigrationInterface, QueryRunner } from "typeorm";

export class PaymentLedger1795264617988 implements MigrationInterface {
    name = 'PaymentLedger1795264617988'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "ledger_entries" (
                "id" uuid NOT NULL,
                "purpose" character varying(20) NOT NULL,
                "reference_id" uuid NOT NULL,
                "payment_id" uuid,
                "type" character varying(20) NOT NULL,
                "amount_cents" integer NOT NULL,
                "currency" character varying(3) NOT NULL,
                "provider_ref" character varying(255),
                "idempotency_key" character varying(200) NOT NULL,
                "note" character varying(500),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_6efcb84411d3f08b08450ae75d5" PRIMARY KEY ("id")
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
                "id" uuid NOT NULL,
                "purpose" character varying(20) NOT NULL,
                "reference_id" uuid NOT NULL,
                "payer_id" uuid NOT NULL,
                "kind" character varying(20) NOT NULL,
                "provider" character varying(10) NOT NULL,
                "amount_cents" integer NOT NULL,
                "refunded_cents" integer NOT NULL DEFAULT '0',
                "currency" character varying(3) NOT NULL,
                "status" character varying(20) NOT NULL,
                "idempotency_key" character varying(200) NOT NULL,
                "checkout_session_id" character varying(255),
                "checkout_url" character varying(2000),
                "payment_intent_id" character varying(255),
                "customer_ref" character varying(255),
                "transfer_group" character varying(255),
                "expires_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_197ab7af18c93fbb0c9b28b4a59" PRIMARY KEY ("id")
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
            DROP INDEX "public"."ix_payments_reference"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_payments_checkout_session"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_payments_idempotency_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_payments_payer"
        `);
        await queryRunner.query(`
            DROP TABLE "payments"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_ledger_reference"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_ledger_idempotency_key"
        `);
        await queryRunner.query(`
            DROP TABLE "ledger_entries"
        `);
    }

}

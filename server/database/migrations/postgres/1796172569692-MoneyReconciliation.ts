import { MigrationInterface, QueryRunner } from "typeorm";

export class MoneyReconciliation1796172569692 implements MigrationInterface {
    name = 'MoneyReconciliation1796172569692'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "refund_requests" (
                "id" uuid NOT NULL,
                "purpose" character varying(20) NOT NULL,
                "reference_id" uuid NOT NULL,
                "payment_id" uuid NOT NULL,
                "amount_cents" integer NOT NULL,
                "currency" character varying(3) NOT NULL,
                "reason" character varying(100) NOT NULL,
                "idempotency_key" character varying(200) NOT NULL,
                "status" character varying(20) NOT NULL,
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" character varying(500),
                "next_attempt_at" TIMESTAMP WITH TIME ZONE,
                "provider_refund_id" character varying(255),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_00c88ecd40a63abe92a3dc69897" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_refund_requests_payment" ON "refund_requests" ("payment_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_refund_requests_idempotency_key" ON "refund_requests" ("idempotency_key")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_refund_requests_due" ON "refund_requests" ("status", "next_attempt_at")
        `);
        // Currencies are upper-case ISO 4217 everywhere (packages already were); refunds recorded
        // before reconciliation by refund id get the key a later report of the same refund uses,
        // so it is never counted twice.
        await queryRunner.query(`UPDATE "payments" SET "currency" = UPPER("currency")`);
        await queryRunner.query(`UPDATE "ledger_entries" SET "currency" = UPPER("currency")`);
        await queryRunner.query(`UPDATE "draft_credits" SET "currency" = UPPER("currency")`);
        await queryRunner.query(`
            UPDATE "ledger_entries" SET "idempotency_key" = 'refund-' || "provider_ref"
            WHERE "type" = 'refund' AND "provider_ref" IS NOT NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_refund_requests_due"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_refund_requests_idempotency_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_refund_requests_payment"
        `);
        await queryRunner.query(`
            DROP TABLE "refund_requests"
        `);
    }

}

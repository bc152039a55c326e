import { MigrationInterface, QueryRunner } from "typeorm";

export class MoneyReconciliation1796172568207 implements MigrationInterface {
    name = 'MoneyReconciliation1796172568207'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "refund_requests" (
                "id" varchar PRIMARY KEY NOT NULL,
                "purpose" varchar(20) NOT NULL,
                "reference_id" varchar NOT NULL,
                "payment_id" varchar NOT NULL,
                "amount_cents" integer NOT NULL,
                "currency" varchar(3) NOT NULL,
                "reason" varchar(100) NOT NULL,
                "idempotency_key" varchar(200) NOT NULL,
                "status" varchar(20) NOT NULL,
                "attempts" integer NOT NULL DEFAULT (0),
                "last_error" varchar(500),
                "next_attempt_at" datetime,
                "provider_refund_id" varchar(255),
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL
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
            DROP INDEX "ix_refund_requests_due"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_refund_requests_idempotency_key"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_refund_requests_payment"
        `);
        await queryRunner.query(`
            DROP TABLE "refund_requests"
        `);
    }

}

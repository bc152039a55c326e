import { MigrationInterface, QueryRunner } from "typeorm";

export class DraftBriefAndCredits1795272418420 implements MigrationInterface {
    name = 'DraftBriefAndCredits1795272418420'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "draft_credits" (
                "id" uuid NOT NULL,
                "payment_id" uuid NOT NULL,
                "draft_id" uuid NOT NULL,
                "booking_id" uuid NOT NULL,
                "client_id" uuid NOT NULL,
                "amount_cents" integer NOT NULL,
                "currency" character varying(3) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_7bbc3baed6bc00180064cd4d697" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_draft_credits_payment" ON "draft_credits" ("payment_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_draft_credits_booking" ON "draft_credits" ("booking_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_draft_credits_client" ON "draft_credits" ("client_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "bookings"
            ADD "draft_variant_id" uuid
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "bookings" DROP COLUMN "draft_variant_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_draft_credits_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_draft_credits_booking"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_draft_credits_payment"
        `);
        await queryRunner.query(`
            DROP TABLE "draft_credits"
        `);
    }

}

import { MigrationInterface, QueryRunner } from "typeorm";

export class AccountLifecycle1796212660927 implements MigrationInterface {
    name = 'AccountLifecycle1796212660927'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "account_tokens" (
                "id" uuid NOT NULL,
                "token_hash" character varying(64) NOT NULL,
                "user_id" uuid NOT NULL,
                "purpose" character varying(20) NOT NULL,
                "new_email" character varying(254),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_5e3640c493cc6206a44b885e6a9" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_account_tokens_hash" ON "account_tokens" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_account_tokens_expires_at" ON "account_tokens" ("expires_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_account_tokens_user_purpose" ON "account_tokens" ("user_id", "purpose", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "users"
            ADD "email_verified_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "users"
            ADD "deleted_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD "user_agent" character varying(300)
        `);
        // Accounts from before verification existed keep booking: their addresses have
        // received booking emails all along.
        await queryRunner.query(`
            UPDATE "users" SET "email_verified_at" = "created_at"
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "sessions" DROP COLUMN "user_agent"
        `);
        await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "deleted_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "email_verified_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_account_tokens_user_purpose"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_account_tokens_expires_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_account_tokens_hash"
        `);
        await queryRunner.query(`
            DROP TABLE "account_tokens"
        `);
    }

}

import { MigrationInterface, QueryRunner } from "typeorm";

export class AccountLifecycle1796212659917 implements MigrationInterface {
    name = 'AccountLifecycle1796212659917'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "account_tokens" (
                "id" varchar PRIMARY KEY NOT NULL,
                "token_hash" varchar(64) NOT NULL,
                "user_id" varchar NOT NULL,
                "purpose" varchar(20) NOT NULL,
                "new_email" varchar(254),
                "created_at" datetime NOT NULL,
                "expires_at" datetime NOT NULL,
                "used_at" datetime
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
            DROP INDEX "uq_users_email"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_users" (
                "id" varchar PRIMARY KEY NOT NULL,
                "email" varchar(254) NOT NULL,
                "name" varchar(100) NOT NULL,
                "password_hash" varchar(255) NOT NULL,
                "role" varchar(20) NOT NULL,
                "created_at" datetime NOT NULL,
                "email_verified_at" datetime,
                "deleted_at" datetime
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_users"(
                    "id",
                    "email",
                    "name",
                    "password_hash",
                    "role",
                    "created_at"
                )
            SELECT "id",
                "email",
                "name",
                "password_hash",
                "role",
                "created_at"
            FROM "users"
        `);
        await queryRunner.query(`
            DROP TABLE "users"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_users"
                RENAME TO "users"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users_email" ON "users" ("email")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_sessions_expires_at"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_sessions_user"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_sessions" (
                "token_hash" varchar(64) PRIMARY KEY NOT NULL,
                "user_id" varchar NOT NULL,
                "created_at" datetime NOT NULL,
                "last_seen_at" datetime NOT NULL,
                "expires_at" datetime NOT NULL,
                "user_agent" varchar(300),
                CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_sessions"(
                    "token_hash",
                    "user_id",
                    "created_at",
                    "last_seen_at",
                    "expires_at"
                )
            SELECT "token_hash",
                "user_id",
                "created_at",
                "last_seen_at",
                "expires_at"
            FROM "sessions"
        `);
        await queryRunner.query(`
            DROP TABLE "sessions"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_sessions"
                RENAME TO "sessions"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_sessions_expires_at" ON "sessions" ("expires_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_sessions_user" ON "sessions" ("user_id")
        `);
        // Accounts from before verification existed keep booking: their addresses have
        // received booking emails all along.
        await queryRunner.query(`
            UPDATE "users" SET "email_verified_at" = "created_at"
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "ix_sessions_user"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_sessions_expires_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "sessions"
                RENAME TO "temporary_sessions"
        `);
        await queryRunner.query(`
            CREATE TABLE "sessions" (
                "token_hash" varchar(64) PRIMARY KEY NOT NULL,
                "user_id" varchar NOT NULL,
                "created_at" datetime NOT NULL,
                "last_seen_at" datetime NOT NULL,
                "expires_at" datetime NOT NULL,
                CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "sessions"(
                    "token_hash",
                    "user_id",
                    "created_at",
                    "last_seen_at",
                    "expires_at"
                )
            SELECT "token_hash",
                "user_id",
                "created_at",
                "last_seen_at",
                "expires_at"
            FROM "temporary_sessions"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_sessions"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_sessions_user" ON "sessions" ("user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_sessions_expires_at" ON "sessions" ("expires_at")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_users_email"
        `);
        await queryRunner.query(`
            ALTER TABLE "users"
                RENAME TO "temporary_users"
        `);
        await queryRunner.query(`
            CREATE TABLE "users" (
                "id" varchar PRIMARY KEY NOT NULL,
                "email" varchar(254) NOT NULL,
                "name" varchar(100) NOT NULL,
                "password_hash" varchar(255) NOT NULL,
                "role" varchar(20) NOT NULL,
                "created_at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            INSERT INTO "users"(
                    "id",
                    "email",
                    "name",
                    "password_hash",
                    "role",
                    "created_at"
                )
            SELECT "id",
                "email",
                "name",
                "password_hash",
                "role",
                "created_at"
            FROM "temporary_users"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_users"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users_email" ON "users" ("email")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_account_tokens_user_purpose"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_account_tokens_expires_at"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_account_tokens_hash"
        `);
        await queryRunner.query(`
            DROP TABLE "account_tokens"
        `);
    }

}

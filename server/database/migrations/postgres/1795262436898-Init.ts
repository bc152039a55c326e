import { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795262436898 implements MigrationInterface {
    name = 'Init1795262436898'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL,
                "email" character varying(254) NOT NULL,
                "name" character varying(100) NOT NULL,
                "password_hash" character varying(255) NOT NULL,
                "role" character varying(20) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users_email" ON "users" ("email")
        `);
        await queryRunner.query(`
            CREATE TABLE "sessions" (
                "token_hash" character varying(64) NOT NULL,
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_abaa9e068cdd390bc5210f79884" PRIMARY KEY ("token_hash")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_sessions_user" ON "sessions" ("user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_sessions_expires_at" ON "sessions" ("expires_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_sessions_expires_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_sessions_user"
        `);
        await queryRunner.query(`
            DROP TABLE "sessions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_users_email"
        `);
        await queryRunner.query(`
            DROP TABLE "users"
        `);
    }

}

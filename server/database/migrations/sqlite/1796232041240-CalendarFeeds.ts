import { MigrationInterface, QueryRunner } from "typeorm";

export class CalendarFeeds1796232041240 implements MigrationInterface {
    name = 'CalendarFeeds1796232041240'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "calendar_feeds" (
                "id" varchar PRIMARY KEY NOT NULL,
                "user_id" varchar NOT NULL,
                "nonce" varchar(64) NOT NULL,
                "token_hash" varchar(64) NOT NULL,
                "created_at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_calendar_feeds_user" ON "calendar_feeds" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_calendar_feeds_token_hash" ON "calendar_feeds" ("token_hash")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_calendar_feeds_user"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_calendar_feeds_token_hash"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_calendar_feeds" (
                "id" varchar PRIMARY KEY NOT NULL,
                "user_id" varchar NOT NULL,
                "nonce" varchar(64) NOT NULL,
                "token_hash" varchar(64) NOT NULL,
                "created_at" datetime NOT NULL,
                CONSTRAINT "FK_3212ce9ff23847e66347a6730d3" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_calendar_feeds"(
                    "id",
                    "user_id",
                    "nonce",
                    "token_hash",
                    "created_at"
                )
            SELECT "id",
                "user_id",
                "nonce",
                "token_hash",
                "created_at"
            FROM "calendar_feeds"
        `);
        await queryRunner.query(`
            DROP TABLE "calendar_feeds"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_calendar_feeds"
                RENAME TO "calendar_feeds"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_calendar_feeds_user" ON "calendar_feeds" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_calendar_feeds_token_hash" ON "calendar_feeds" ("token_hash")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "uq_calendar_feeds_token_hash"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_calendar_feeds_user"
        `);
        await queryRunner.query(`
            ALTER TABLE "calendar_feeds"
                RENAME TO "temporary_calendar_feeds"
        `);
        await queryRunner.query(`
            CREATE TABLE "calendar_feeds" (
                "id" varchar PRIMARY KEY NOT NULL,
                "user_id" varchar NOT NULL,
                "nonce" varchar(64) NOT NULL,
                "token_hash" varchar(64) NOT NULL,
                "created_at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            INSERT INTO "calendar_feeds"(
                    "id",
                    "user_id",
                    "nonce",
                    "token_hash",
                    "created_at"
                )
            SELECT "id",
                "user_id",
                "nonce",
                "token_hash",
                "created_at"
            FROM "temporary_calendar_feeds"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_calendar_feeds"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_calendar_feeds_token_hash" ON "calendar_feeds" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_calendar_feeds_user" ON "calendar_feeds" ("user_id")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_calendar_feeds_token_hash"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_calendar_feeds_user"
        `);
        await queryRunner.query(`
            DROP TABLE "calendar_feeds"
        `);
    }

}

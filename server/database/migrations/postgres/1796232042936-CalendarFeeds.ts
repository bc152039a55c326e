import { MigrationInterface, QueryRunner } from "typeorm";

export class CalendarFeeds1796232042936 implements MigrationInterface {
    name = 'CalendarFeeds1796232042936'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "calendar_feeds" (
                "id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "nonce" character varying(64) NOT NULL,
                "token_hash" character varying(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_045067d8bb57f971f3c5426ea71" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_calendar_feeds_user" ON "calendar_feeds" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_calendar_feeds_token_hash" ON "calendar_feeds" ("token_hash")
        `);
        await queryRunner.query(`
            ALTER TABLE "calendar_feeds"
            ADD CONSTRAINT "FK_3212ce9ff23847e66347a6730d3" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "calendar_feeds" DROP CONSTRAINT "FK_3212ce9ff23847e66347a6730d3"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_calendar_feeds_token_hash"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_calendar_feeds_user"
        `);
        await queryRunner.query(`
            DROP TABLE "calendar_feeds"
        `);
    }

}

import { MigrationInterface, QueryRunner } from "typeorm";

export class DraftChosenVariant1796175058035 implements MigrationInterface {
    name = 'DraftChosenVariant1796175058035'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "draft_usage" (
                "id" uuid NOT NULL,
                "owner_id" uuid NOT NULL,
                "kind" character varying(20) NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_ce18f6d46f7ae97a826840ba1d2" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_draft_usage_owner_kind_at" ON "draft_usage" ("owner_id", "kind", "at")
        `);
        await queryRunner.query(`
            ALTER TABLE "drafts"
            ADD "chosen_variant_id" uuid
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "drafts" DROP COLUMN "chosen_variant_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_draft_usage_owner_kind_at"
        `);
        await queryRunner.query(`
            DROP TABLE "draft_usage"
        `);
    }

}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using SearchIndex = Governance.Data.Datasets.RecordSearchIndex;

#nullable disable

namespace Governance.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DatasetVersionsAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Length",
                table: "VersionEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "RecordKey",
                table: "VersionEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "SearchIndexedVersions",
                columns: table => new
                {
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndexedUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchIndexedVersions", x => x.VersionId);
                    table.ForeignKey(
                        name: "FK_SearchIndexedVersions_DatasetVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "DatasetVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StatisticsRuns",
                columns: table => new
                {
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RequestedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedUtc = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticsRuns", x => x.VersionId);
                    table.ForeignKey(
                        name: "FK_StatisticsRuns_DatasetVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "DatasetVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VersionEntries_VersionId_Length_Ordinal",
                table: "VersionEntries",
                columns: new[] { "VersionId", "Length", "Ordinal" });

            migrationBuilder.CreateIndex(
                name: "IX_StatisticsRuns_State",
                table: "StatisticsRuns",
                column: "State");

            // Entries made before keys and lengths existed: a record's place is its key, its JSON gives its length.
            migrationBuilder.Sql("UPDATE VersionEntries SET RecordKey = Ordinal, Length = (SELECT length(c.Json) FROM RecordContents c WHERE c.Hash = VersionEntries.Hash)");

            // Full-text search over record contents; contents stored before it are indexed by their JSON, and their
            // versions count as indexed.
            migrationBuilder.Sql(SearchIndex.CreateSql);
            migrationBuilder.Sql($"INSERT INTO {SearchIndex.Table} (rowid, text) SELECT {SearchIndex.RowIdSql("Hash")}, Json FROM RecordContents");
            migrationBuilder.Sql("INSERT INTO SearchIndexedVersions (VersionId, IndexedUtc) SELECT Id, CreatedUtc FROM DatasetVersions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"DROP TABLE {SearchIndex.Table}");

            migrationBuilder.DropTable(
                name: "SearchIndexedVersions");

            migrationBuilder.DropTable(
                name: "StatisticsRuns");

            migrationBuilder.DropIndex(
                name: "IX_VersionEntries_VersionId_Length_Ordinal",
                table: "VersionEntries");

            migrationBuilder.DropColumn(
                name: "Length",
                table: "VersionEntries");

            migrationBuilder.DropColumn(
                name: "RecordKey",
                table: "VersionEntries");
        }
    }
}

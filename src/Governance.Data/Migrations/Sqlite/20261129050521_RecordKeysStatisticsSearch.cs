using System;
using Microsoft.EntityFrameworkCore.Migrations;
using SearchIndex = Governance.Data.Datasets.RecordSearchIndex;

#nullable disable

namespace Governance.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecordKeysStatisticsSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RecordKey",
                table: "VersionEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Records imported before keys existed keep their place as their key.
            migrationBuilder.Sql("UPDATE VersionEntries SET RecordKey = Ordinal");

            // Full-text search over record contents; contents stored before it are indexed by their JSON.
            migrationBuilder.Sql(SearchIndex.CreateSql);
            migrationBuilder.Sql($"INSERT INTO {SearchIndex.Table} (rowid, text) " +
                $"SELECT {SearchIndex.RowIdSql("Hash")}, Json FROM RecordContents");

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
                name: "IX_StatisticsRuns_State",
                table: "StatisticsRuns",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"DROP TABLE {SearchIndex.Table}");

            migrationBuilder.DropTable(
                name: "StatisticsRuns");

            migrationBuilder.DropColumn(
                name: "RecordKey",
                table: "VersionEntries");
        }
    }
}

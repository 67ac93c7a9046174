using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Data.Migrations.SqlServer
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
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "RecordKey",
                table: "VersionEntries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "SearchIndexedVersions",
                columns: table => new
                {
                    VersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IndexedUtc = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                    VersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    State = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Json = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Error = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    RequestedUtc = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FinishedUtc = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
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
            migrationBuilder.Sql("UPDATE e SET RecordKey = e.Ordinal, Length = LEN(c.Json) FROM VersionEntries e JOIN RecordContents c ON c.Hash = e.Hash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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

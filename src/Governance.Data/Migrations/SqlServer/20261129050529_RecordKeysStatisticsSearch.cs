using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Data.Migrations.SqlServer
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
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Records imported before keys existed keep their place as their key.
            migrationBuilder.Sql("UPDATE VersionEntries SET RecordKey = Ordinal");

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
                name: "IX_StatisticsRuns_State",
                table: "StatisticsRuns",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatisticsRuns");

            migrationBuilder.DropColumn(
                name: "RecordKey",
                table: "VersionEntries");
        }
    }
}

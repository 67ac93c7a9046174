using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VersionSplits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Split",
                table: "VersionEntries",
                type: "TEXT",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Split",
                table: "VersionEntries");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ModelRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ModelVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    BaseModel = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    BaseModelSha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Method = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    HyperParametersJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ArtifactSha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    EvaluationJson = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    RegisteredBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RegisteredUtc = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    IntendedUse = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    OutOfScopeUse = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Limitations = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    BiasAndFairness = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    License = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    CardUpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    CardUpdatedUtc = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ModelLineage",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ModelVersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DatasetReleaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Dataset = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    VersionNumber = table.Column<int>(type: "int", nullable: false),
                    ContentHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RevokedUtc = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RevokedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    RevocationComment = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelLineage", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelLineage_DatasetReleases_DatasetReleaseId",
                        column: x => x.DatasetReleaseId,
                        principalTable: "DatasetReleases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ModelLineage_ModelVersions_ModelVersionId",
                        column: x => x.ModelVersionId,
                        principalTable: "ModelVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModelReleases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ModelVersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WeightsHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RequiredApprovals = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    SubmittedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedUtc = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelReleases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelReleases_ModelVersions_ModelVersionId",
                        column: x => x.ModelVersionId,
                        principalTable: "ModelVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModelReleaseSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReleaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Action = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Roles = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    WeightsHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    StateBefore = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    StateAfter = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelReleaseSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelReleaseSteps_ModelReleases_ReleaseId",
                        column: x => x.ReleaseId,
                        principalTable: "ModelReleases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ModelLineage_DatasetReleaseId",
                table: "ModelLineage",
                column: "DatasetReleaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ModelLineage_ModelVersionId_DatasetReleaseId",
                table: "ModelLineage",
                columns: new[] { "ModelVersionId", "DatasetReleaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModelReleases_ModelVersionId",
                table: "ModelReleases",
                column: "ModelVersionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModelReleases_State",
                table: "ModelReleases",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_ModelReleaseSteps_ReleaseId_Id",
                table: "ModelReleaseSteps",
                columns: new[] { "ReleaseId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ModelVersions_Name_Number",
                table: "ModelVersions",
                columns: new[] { "Name", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ModelLineage");

            migrationBuilder.DropTable(
                name: "ModelReleaseSteps");

            migrationBuilder.DropTable(
                name: "ModelReleases");

            migrationBuilder.DropTable(
                name: "ModelVersions");
        }
    }
}

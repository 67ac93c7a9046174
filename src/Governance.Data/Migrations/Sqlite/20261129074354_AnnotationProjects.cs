using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnnotationProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnnotationProjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DatasetVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Guidelines = table.Column<string>(type: "TEXT", nullable: false),
                    QuestionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Overlap = table.Column<int>(type: "INTEGER", nullable: false),
                    AnnotatorsJson = table.Column<string>(type: "TEXT", nullable: false),
                    DeactivatedJson = table.Column<string>(type: "TEXT", nullable: false),
                    GoldRate = table.Column<double>(type: "REAL", nullable: false),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordCount = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnotationProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnotationProjects_DatasetVersions_DatasetVersionId",
                        column: x => x.DatasetVersionId,
                        principalTable: "DatasetVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AnnotationEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<long>(type: "INTEGER", nullable: false),
                    TaskId = table.Column<long>(type: "INTEGER", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Answers = table.Column<string>(type: "TEXT", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AtUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnotationEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnotationEvents_AnnotationProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "AnnotationProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AnnotationItems",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Assigned = table.Column<int>(type: "INTEGER", nullable: false),
                    Submitted = table.Column<int>(type: "INTEGER", nullable: false),
                    Open = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReadyForReview = table.Column<bool>(type: "INTEGER", nullable: false),
                    Disagreement = table.Column<bool>(type: "INTEGER", nullable: false),
                    FinalAnswers = table.Column<string>(type: "TEXT", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReviewedUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    GoldAnswers = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnotationItems", x => new { x.ProjectId, x.Ordinal });
                    table.ForeignKey(
                        name: "FK_AnnotationItems_AnnotationProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "AnnotationProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AnnotationTasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<long>(type: "INTEGER", nullable: false),
                    Annotator = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Gold = table.Column<bool>(type: "INTEGER", nullable: false),
                    ShownOrder = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    DraftAnswers = table.Column<string>(type: "TEXT", nullable: true),
                    Answers = table.Column<string>(type: "TEXT", nullable: true),
                    SkipReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReviewComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Returned = table.Column<bool>(type: "INTEGER", nullable: false),
                    Seconds = table.Column<double>(type: "REAL", nullable: false),
                    AssignedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnotationTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnotationTasks_AnnotationProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "AnnotationProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnnotationEvents_ProjectId_Ordinal_Id",
                table: "AnnotationEvents",
                columns: new[] { "ProjectId", "Ordinal", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnotationItems_ProjectId_Open_Ordinal",
                table: "AnnotationItems",
                columns: new[] { "ProjectId", "Open", "Ordinal" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnotationItems_ProjectId_ReadyForReview_Disagreement_Ordinal",
                table: "AnnotationItems",
                columns: new[] { "ProjectId", "ReadyForReview", "Disagreement", "Ordinal" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnotationProjects_DatasetVersionId",
                table: "AnnotationProjects",
                column: "DatasetVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_AnnotationProjects_Name",
                table: "AnnotationProjects",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnnotationTasks_ProjectId_Annotator_State_Id",
                table: "AnnotationTasks",
                columns: new[] { "ProjectId", "Annotator", "State", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnotationTasks_ProjectId_Ordinal_Annotator",
                table: "AnnotationTasks",
                columns: new[] { "ProjectId", "Ordinal", "Annotator" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnotationEvents");

            migrationBuilder.DropTable(
                name: "AnnotationItems");

            migrationBuilder.DropTable(
                name: "AnnotationTasks");

            migrationBuilder.DropTable(
                name: "AnnotationProjects");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Propilas.Host.Database.Migrations
{
    /// <inheritdoc />
    public partial class AlertFingerprint : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Fingerprint",
                table: "Alerts",
                type: "TEXT",
                maxLength: 24,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Fingerprint",
                table: "Alerts");
        }
    }
}
